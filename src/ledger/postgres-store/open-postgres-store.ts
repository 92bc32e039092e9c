/** Opens the PostgreSQL ledger (creating or migrating its tables): for several gateway replicas. */
import { SqlLedgerStore } from '../sql/sql-store.ts';
import type { LedgerStore } from '../store.ts';
import { PostgresDriver, type PostgresDriverOptions } from './postgres-driver.ts';

export async function openPostgresStore(options: PostgresDriverOptions): Promise<LedgerStore> {
  return SqlLedgerStore.open(new PostgresDriver(options));
}
