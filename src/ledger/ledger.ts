/**
 * The ledger as the gateway sees it: `record()` validates a request with its attempts and hands
 * it to the background writer (batch-writer.ts) without touching storage; reads and outcomes go
 * to the store.
 */
import { BatchWriter, type LedgerStats, type WriterOptions } from './batch-writer.ts';
import type { AttemptRecord, OutcomeRecord, RequestRecord } from './records.ts';
import type {
  DayRange, LedgerQueries, LedgerStore, OutcomeResult, RequestDetails, TaskDetails, TaskSummary, UsageQuery, UsageRow,
} from './store.ts';
import { validateAttempt, validateRequest } from './validate-record.ts';

export type { LedgerErrorReport, LedgerStats } from './batch-writer.ts';
export type LedgerOptions = WriterOptions;

export class Ledger implements LedgerQueries {
  readonly #store: LedgerStore;
  readonly #writer: BatchWriter;

  /** The ledger owns the store: close() closes it. */
  constructor(store: LedgerStore, options: LedgerOptions = {}) {
    this.#store = store;
    this.#writer = new BatchWriter(store, options);
  }

  /**
   * Acknowledges a request and its attempts (O(1) after validation, no I/O): once this returns,
   * close() will not lose them. Throws FRUGAL_INVALID_RECORD, FRUGAL_LEDGER_FULL or FRUGAL_LEDGER_CLOSED.
   */
  record(request: RequestRecord, attempts: AttemptRecord[] = []): void {
    validateRequest(request);
    for (let position = 0; position < attempts.length; position += 1) validateAttempt(attempts[position]!, request, position);
    this.#writer.enqueue({ request, attempts });
  }

  /** Resolves once every record acknowledged before the call is stored; rejects if a write fails meanwhile. */
  flush(): Promise<void> {
    return this.#writer.flush();
  }

  /**
   * Refuses new records, writes every acknowledged one (retrying for up to closeTimeoutMs),
   * then closes the store. Rejects, after closing the store, if some could not be written.
   */
  close(): Promise<void> {
    return this.#writer.close();
  }

  stats(): LedgerStats {
    return this.#writer.stats();
  }

  getRequest(id: string): Promise<RequestDetails | null> {
    return this.#store.getRequest(id);
  }

  getTask(taskId: string): Promise<TaskDetails | null> {
    return this.#store.getTask(taskId);
  }

  usage(query: UsageQuery): Promise<UsageRow[]> {
    return this.#store.usage(query);
  }

  taskSummary(range: DayRange): Promise<TaskSummary> {
    return this.#store.taskSummary(range);
  }

  listRequests(range: DayRange): Promise<RequestRecord[]> {
    return this.#store.listRequests(range);
  }

  /** Outcomes are written at once, not queued; they apply to requests stored before or after. */
  recordOutcome(outcome: OutcomeRecord): Promise<OutcomeResult> {
    return this.#store.recordOutcome(outcome);
  }
}
