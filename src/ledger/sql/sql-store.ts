/** LedgerStore over any SqlDriver: the SQLite and PostgreSQL stores differ only in their driver. */
import { FrugalError } from '../../errors/frugal-error.ts';
import type { LedgerEntry, OutcomeRecord, RequestRecord } from '../records.ts';
import type {
  DayRange, LedgerStore, OutcomeResult, RequestDetails, TaskDetails, TaskSummary, UsageQuery, UsageRow, WriteResult,
} from '../store.ts';
import { validateAttempt, validateOutcome, validateRequest } from '../validate-record.ts';
import { taskSummary, usage } from './aggregate-queries.ts';
import type { SqlDriver } from './driver.ts';
import { hasLedgerTables, migrate } from './migrate.ts';
import { listRequests, readRequest, readTask } from './read-details.ts';
import { recordOutcome } from './record-outcome.ts';
import { writeBatch } from './write-batch.ts';

export interface OpenOptions {
  /**
   * Default true: a database without ledger tables gets them. False (readers such as
   * `frugal report`): such a database is refused with FRUGAL_LEDGER_STORAGE and `details.missing`.
   */
  create?: boolean;
  /** Names the database in that refusal: a file path, a URL without its password. */
  location?: string;
}

export class SqlLedgerStore implements LedgerStore {
  readonly backend: LedgerStore['backend'];
  readonly #driver: SqlDriver;

  private constructor(driver: SqlDriver) {
    this.#driver = driver;
    this.backend = driver.dialect.name;
  }

  /** Applies pending migrations, then returns the store; closes the driver if that fails. */
  static async open(driver: SqlDriver, options: OpenOptions = {}): Promise<SqlLedgerStore> {
    try {
      if (options.create === false && !(await storage('look for the ledger tables', () => hasLedgerTables(driver)))) {
        throw missingLedger(options.location ?? 'the database', 'it has no ledger tables');
      }
      await storage('migrate the ledger schema', () => migrate(driver));
    } catch (error) {
      await driver.close().catch(() => undefined);
      throw error;
    }
    return new SqlLedgerStore(driver);
  }

  async writeBatch(entries: readonly LedgerEntry[]): Promise<WriteResult> {
    for (const { request, attempts } of entries) {
      validateRequest(request);
      attempts.forEach((attempt, position) => validateAttempt(attempt, request, position));
    }
    return storage('write a ledger batch', () => writeBatch(this.#driver, entries));
  }

  async recordOutcome(outcome: OutcomeRecord): Promise<OutcomeResult> {
    validateOutcome(outcome);
    return storage('record an outcome', () => recordOutcome(this.#driver, outcome));
  }

  getRequest(id: string): Promise<RequestDetails | null> {
    return storage('read a request', () => readRequest(this.#driver, id));
  }

  getTask(taskId: string): Promise<TaskDetails | null> {
    return storage('read a task', () => readTask(this.#driver, taskId));
  }

  usage(query: UsageQuery): Promise<UsageRow[]> {
    return storage('query usage', () => usage(this.#driver, query));
  }

  taskSummary(range: DayRange): Promise<TaskSummary> {
    return storage('summarize tasks', () => taskSummary(this.#driver, range));
  }

  listRequests(range: DayRange): Promise<RequestRecord[]> {
    return storage('list requests', () => listRequests(this.#driver, range));
  }

  close(): Promise<void> {
    return this.#driver.close();
  }
}

/** No ledger where one was expected: `details.missing` tells callers to suggest creating one. */
export function missingLedger(location: string, reason: string): FrugalError {
  return new FrugalError('FRUGAL_LEDGER_STORAGE', `no ledger at ${location}: ${reason}`, { location, missing: true });
}

/** Database errors become FRUGAL_LEDGER_STORAGE naming the operation; FrugalErrors pass through. */
async function storage<T>(operation: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (FrugalError.isInstance(error)) throw error;
    const message = error instanceof Error ? error.message : String(error);
    throw new FrugalError('FRUGAL_LEDGER_STORAGE', `could not ${operation}: ${message}`, { cause: message });
  }
}
