/**
 * The ledger's storage interface. Sums of money are bigint pico-USD (a Number is exact only
 * up to $9,007) with an exact decimal USD string beside each. Every backend (SQLite, PostgreSQL) implements it and must
 * pass the shared cases in store.case.test.ts.
 */
import type { UsageBuckets } from '../usage/buckets.ts';
import type { AttemptRecord, LedgerEntry, OutcomeRecord, RequestRecord } from './records.ts';

export const USAGE_GROUPS = ['model', 'provider', 'feature', 'user', 'customer', 'route', 'day'] as const;
export type UsageGroup = (typeof USAGE_GROUPS)[number];

/** Inclusive UTC days, `YYYY-MM-DD`; either end may be left open. */
export interface DayRange {
  from?: string;
  to?: string;
}

export interface UsageQuery extends DayRange {
  groupBy: UsageGroup;
}

/** The sums kept per daily rollup key and reported per usage group. */
export interface UsageTotals {
  requests: number;
  successes: number;
  failures: number;
  attempts: number;
  /** Requests whose cost is a lower bound because something was unpriced. */
  incompleteCostRequests: number;
  tokens: UsageBuckets;
  costPicoUsd: bigint;
  baselineCostPicoUsd: bigint;
}

export interface UsageRow extends UsageTotals {
  /** The group's value (a model, a day, ...); null for requests without that attribution. */
  key: string | null;
  costUsd: string;
  baselineCostUsd: string;
  /** costPicoUsd / successes rounded to the nearest pico-USD; null without successes. */
  costPerSuccessPicoUsd: bigint | null;
  costPerSuccessUsd: string | null;
}

/** Where a request's success comes from: its own outcome, its task's outcome, or its HTTP status. */
export type SuccessSource = 'request' | 'task' | 'status';

export interface RequestDetails {
  request: RequestRecord;
  attempts: AttemptRecord[];
  success: boolean;
  successSource: SuccessSource;
  /** The latest outcome recorded for this request itself, if any. */
  outcome: OutcomeRecord | null;
}

export interface TaskDetails {
  taskId: string;
  /** Ordered by start time. */
  requests: RequestDetails[];
  costPicoUsd: bigint;
  costUsd: string;
  baselineCostPicoUsd: bigint;
  /** The latest outcome recorded for the task, if any. */
  outcome: OutcomeRecord | null;
  /** The task's cost when it succeeded; null when it failed or has no outcome yet. */
  costPerSuccessfulTaskPicoUsd: bigint | null;
  costPerSuccessfulTaskUsd: string | null;
}

/** Tasks that started in a day range, from the per-task rollup. */
export interface TaskSummary {
  tasks: number;
  successful: number;
  failed: number;
  withoutOutcome: number;
  costPicoUsd: bigint;
  costUsd: string;
  /** Cost of the tasks that have an outcome divided by the successful ones; null without successes. */
  costPerSuccessfulTaskPicoUsd: bigint | null;
  costPerSuccessfulTaskUsd: string | null;
}

export interface WriteResult {
  /** Requests newly stored; entries whose request id was already stored are skipped (idempotent retry). */
  inserted: number;
  skipped: number;
}

export interface OutcomeResult {
  /** Stored requests whose success this outcome now decides (0 when none are stored yet). */
  appliedTo: number;
}

/** Reads and outcome writes, shared by stores and the Ledger front. */
export interface LedgerQueries {
  getRequest(id: string): Promise<RequestDetails | null>;
  getTask(taskId: string): Promise<TaskDetails | null>;
  usage(query: UsageQuery): Promise<UsageRow[]>;
  taskSummary(range: DayRange): Promise<TaskSummary>;
  /** Raw request records started in the day range (by their UTC day), ordered by start time then id: for the advisor. */
  listRequests(range: DayRange): Promise<RequestRecord[]>;
  recordOutcome(outcome: OutcomeRecord): Promise<OutcomeResult>;
}

export interface LedgerStore extends LedgerQueries {
  readonly backend: 'sqlite' | 'postgres';
  /** Stores the entries and updates the rollups in one transaction: all or nothing. */
  writeBatch(entries: readonly LedgerEntry[]): Promise<WriteResult>;
  close(): Promise<void>;
}
