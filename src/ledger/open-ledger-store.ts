/** Opens the configured backend: what `frugal serve`, `frugal report` and the dashboard share. */
import { FrugalError } from '../errors/frugal-error.ts';
import { openPostgresStore } from './postgres-store/open-postgres-store.ts';
import { DEFAULT_SQLITE_PATH, openSqliteStore } from './sqlite-store/open-sqlite-store.ts';
import type { LedgerStore } from './store.ts';

export type LedgerStoreConfig =
  | { backend: 'sqlite'; /** Default .frugal/ledger.sqlite under the working directory. */ path?: string }
  | { backend: 'postgres'; url: string; poolSize?: number };

export function openLedgerStore(config: LedgerStoreConfig = { backend: 'sqlite' }): Promise<LedgerStore> {
  return config.backend === 'postgres'
    ? openPostgresStore(config.poolSize === undefined ? { url: config.url } : { url: config.url, poolSize: config.poolSize })
    : openSqliteStore(config.path ?? DEFAULT_SQLITE_PATH);
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
