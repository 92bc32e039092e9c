/** Opens the configured backend: what `frugal serve`, `frugal report` and the dashboard share. */
import { FrugalError } from '../errors/frugal-error.ts';
import { openPostgresStore } from './postgres-store/open-postgres-store.ts';
import { DEFAULT_SQLITE_PATH, openSqliteStore } from './sqlite-store/open-sqlite-store.ts';
import type { LedgerStore } from './store.ts';

export type LedgerStoreConfig =
  | { backend: 'sqlite'; /** Default .frugal/ledger.db under the working directory. */ path?: string }
  | { backend: 'postgres'; url: string; poolSize?: number };

export interface OpenLedgerOptions {
  /**
   * Default true: storage and tables are created as needed. False (readers such as
   * `frugal report`): where there is no ledger yet, nothing is created and the open is refused
   * with an error that isMissingLedger() recognizes.
   */
  create?: boolean;
}

export function openLedgerStore(config: LedgerStoreConfig = { backend: 'sqlite' }, options: OpenLedgerOptions = {}): Promise<LedgerStore> {
  const create = options.create ?? true;
  return config.backend === 'postgres'
    ? openPostgresStore(config.poolSize === undefined ? { url: config.url, create } : { url: config.url, poolSize: config.poolSize, create })
    : openSqliteStore(config.path ?? DEFAULT_SQLITE_PATH, { create });
}

/** Whether an open with `create: false` was refused because there is no ledger there yet. */
export function isMissingLedger(error: unknown): boolean {
  return FrugalError.isInstance(error) && error.code === 'FRUGAL_LEDGER_STORAGE' && error.details?.['missing'] === true;
}

/** A `--ledger` style location: a postgres:// or postgresql:// URL, else a SQLite file path. */
export function ledgerLocation(location: string): LedgerStoreConfig {
  if (location.trim() === '') {
    throw new FrugalError('FRUGAL_INVALID_ARGUMENT', 'ledger location is empty; expected a SQLite file path or a postgres:// URL', {
      field: 'ledger',
    });
  }
  return /^postgres(ql)?:\/\//i.test(location) ? { backend: 'postgres', url: location } : { backend: 'sqlite', path: location };
}
