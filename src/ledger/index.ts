/** The ledger's public surface: what the gateway, `frugal report` and the dashboard import. */
export { Ledger, type LedgerErrorReport, type LedgerOptions, type LedgerStats } from './ledger.ts';
export {
  isMissingLedger, ledgerLocation, openLedgerStore, type LedgerStoreConfig, type OpenLedgerOptions,
} from './open-ledger-store.ts';
export { openPostgresStore, withoutPassword, type PostgresStoreOptions } from './postgres-store/open-postgres-store.ts';
export { DEFAULT_SQLITE_PATH, openSqliteStore, type SqliteStoreOptions } from './sqlite-store/open-sqlite-store.ts';
export { perUnitPico, picoToUsd } from './money.ts';
export {
  ATTEMPT_KINDS, CACHE_STATUSES, OUTCOME_SOURCES,
  type AttemptKind, type AttemptRecord, type AttemptValidation, type Attribution, type CacheStatus, type CostLine,
  type LedgerEntry, type OutcomeRecord, type OutcomeSource, type RecordedCost, type RequestCacheRecord, type RequestRecord,
} from './records.ts';
export {
  USAGE_GROUPS,
  type DayRange, type LedgerQueries, type LedgerStore, type OutcomeResult, type RequestDetails, type SuccessSource,
  type TaskDetails, type TaskSummary, type UsageGroup, type UsageQuery, type UsageRow, type WriteResult,
} from './store.ts';
