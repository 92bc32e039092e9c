/** Opens (creating file, folder and schema as needed) the SQLite ledger: the embedded default. */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { FrugalError } from '../../errors/frugal-error.ts';
import { SqlLedgerStore } from '../sql/sql-store.ts';
import type { LedgerStore } from '../store.ts';
import { SqliteDriver } from './sqlite-driver.ts';

/** Relative to the working directory. */
export const DEFAULT_SQLITE_PATH = '.frugal/ledger.sqlite';

/** `path` is a file path, or ":memory:" for a ledger that lives only as long as the store. */
export async function openSqliteStore(path: string = DEFAULT_SQLITE_PATH): Promise<LedgerStore> {
  const location = path === ':memory:' ? path : resolve(path);
  let driver: SqliteDriver;
  try {
    if (location !== ':memory:') mkdirSync(dirname(location), { recursive: true });
    driver = new SqliteDriver(location);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new FrugalError('FRUGAL_LEDGER_STORAGE', `could not open the SQLite ledger at ${location}: ${message}`, {
      path: location,
    });
  }
  return SqlLedgerStore.open(driver);
}
