/** Opens the PostgreSQL ledger (creating or migrating its tables): for several gateway replicas. */
import { FrugalError } from '../../errors/frugal-error.ts';
import { SqlLedgerStore } from '../sql/sql-store.ts';
import type { LedgerStore } from '../store.ts';
import { PostgresDriver, type PostgresDriverOptions } from './postgres-driver.ts';

export async function openPostgresStore(options: PostgresDriverOptions): Promise<LedgerStore> {
  try {
    return await SqlLedgerStore.open(new PostgresDriver(options));
  } catch (error) {
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
