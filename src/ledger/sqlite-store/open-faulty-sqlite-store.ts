/** For tests: a SQLite store whose driver fails as told, opened where it is called (also on a store's thread). */
import { failingDriver, type InjectedFault } from '../sql/failing-driver.ts';
import { SqlLedgerStore } from '../sql/sql-store.ts';
import { SqliteDriver } from './sqlite-driver.ts';

export function openFaultySqliteStore({ path, fault }: { path: string; fault: InjectedFault }): Promise<SqlLedgerStore> {
  return SqlLedgerStore.open(failingDriver(new SqliteDriver(path), fault));
}
