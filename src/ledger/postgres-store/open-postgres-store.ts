/** Opens the PostgreSQL ledger (creating or migrating its tables): for several gateway replicas. */
import { FrugalError } from '../../errors/frugal-error.ts';
import { SqlLedgerStore } from '../sql/sql-store.ts';
import type { LedgerStore } from '../store.ts';
import { PostgresDriver, type PostgresDriverOptions } from './postgres-driver.ts';

export interface PostgresStoreOptions extends PostgresDriverOptions {
  /**
   * Default true: the ledger tables are created as needed. False (readers): a database without
   * them is refused with FRUGAL_LEDGER_STORAGE and `details.missing`, and nothing is created.
   */
  create?: boolean;
}

export async function openPostgresStore(options: PostgresStoreOptions): Promise<LedgerStore> {
  const { create = true, ...driverOptions } = options;
  try {
    return await SqlLedgerStore.open(new PostgresDriver(driverOptions), { create, location: withoutPassword(options.url) });
  } catch (error) {
    if (FrugalError.isInstance(error) && error.details?.['missing'] === true) throw error;
    const message = error instanceof Error ? error.message : String(error);
    throw new FrugalError('FRUGAL_LEDGER_STORAGE', `could not open the PostgreSQL ledger at ${withoutPassword(options.url)}: ${message}`, {
      url: withoutPassword(options.url),
    });
  }
}

/** The URL as it may be shown in errors and logs. */
export function withoutPassword(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== '') parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(an unparseable PostgreSQL URL)';
  }
}
