/**
 * The ledger's background writer. `enqueue()` appends to an in-memory queue (O(1), no I/O);
 * the writer stores the queue in batches, one transaction each, in the order entries were
 * accepted. A failed batch stays at the head of the queue and is retried with backoff;
 * `close()` writes everything accepted before it returns.
 */
import { FrugalError } from '../errors/frugal-error.ts';
import type { LedgerEntry } from './records.ts';
import type { LedgerStore, WriteResult } from './store.ts';

export interface WriterOptions {
  /** Most entries per transaction. Default 500. */
  batchSize?: number;
  /** Longest a record waits in memory before a write starts. Default 200 ms. */
  flushIntervalMs?: number;
  /** Entries held in memory at most (about 2 KB each); more are refused with FRUGAL_LEDGER_FULL. Default 20,000. */
  maxQueued?: number;
  /** First retry delay after a failed write, doubled per failure up to maxRetryDelayMs. Defaults 100 / 5,000 ms. */
  retryDelayMs?: number;
  maxRetryDelayMs?: number;
  /** How long close() keeps retrying before it gives up and reports what is unwritten. Default 30,000 ms. */
  closeTimeoutMs?: number;
  /** Called on every failed write; defaults to one line on stderr. */
  onError?: (report: LedgerErrorReport) => void;
}

export interface LedgerErrorReport {
  error: unknown;
  /** Entries in the batch that failed. */
  entries: number;
  /** Consecutive failed writes so far. */
  failures: number;
  /** False when the entry can never be stored (it is dropped) or close() gave up. */
  willRetry: boolean;
  /** Ids of requests dropped because they can never be stored. */
  droppedRequestIds: string[];
}

export interface LedgerStats {
  queued: number;
  written: number;
  /** Entries whose request id was already stored. */
  duplicates: number;
  dropped: number;
  failedWrites: number;
}

const COMPACT_AFTER = 4_096;

export class BatchWriter {
  readonly #store: LedgerStore;
  readonly #batchSize: number;
  readonly #flushIntervalMs: number;
  readonly #maxQueued: number;
  readonly #retryDelayMs: number;
  readonly #maxRetryDelayMs: number;
  readonly #closeTimeoutMs: number;
  readonly #onError: (report: LedgerErrorReport) => void;

  #queue: LedgerEntry[] = [];
  #head = 0;
  #accepted = 0;
  #settled = 0;
  #stats = { written: 0, duplicates: 0, dropped: 0, failedWrites: 0 };
  #failures = 0;
  #timer: NodeJS.Timeout | undefined;
  #immediate: NodeJS.Immediate | undefined;
  #writing: Promise<void> | undefined;
  #waiters: { target: number; resolve: () => void; reject: (error: unknown) => void }[] = [];
  #closed = false;
  #closing: Promise<void> | undefined;

  constructor(store: LedgerStore, options: WriterOptions = {}) {
    this.#store = store;
    this.#batchSize = positive('batchSize', options.batchSize ?? 500);
    this.#flushIntervalMs = positive('flushIntervalMs', options.flushIntervalMs ?? 200);
    this.#maxQueued = positive('maxQueued', options.maxQueued ?? 20_000);
    this.#retryDelayMs = positive('retryDelayMs', options.retryDelayMs ?? 100);
    this.#maxRetryDelayMs = positive('maxRetryDelayMs', options.maxRetryDelayMs ?? 5_000);
    this.#closeTimeoutMs = positive('closeTimeoutMs', options.closeTimeoutMs ?? 30_000);
    this.#onError = options.onError ?? reportToStderr;
  }

  /** Accepts an entry: once this returns, close() will not lose it. */
  enqueue(entry: LedgerEntry): void {
    if (this.#closed) {
      throw new FrugalError('FRUGAL_LEDGER_CLOSED', `the ledger is closed; request ${entry.request.id} was not recorded`);
    }
    if (this.#queue.length - this.#head >= this.#maxQueued) {
      throw new FrugalError(
        'FRUGAL_LEDGER_FULL',
        `the ledger holds ${this.#maxQueued} unwritten entries (maxQueued); request ${entry.request.id} was not recorded`,
      );
    }
    this.#queue.push(entry);
    this.#accepted += 1;
    // A running writer picks the entry up; so does a scheduled retry.
    if (this.#writing !== undefined || this.#failures > 0 || this.#immediate !== undefined) return;
    if (this.#queue.length - this.#head >= this.#batchSize) {
      clearTimeout(this.#timer);
      this.#timer = undefined;
      this.#immediate = setImmediate(this.#startWriting);
    } else if (this.#timer === undefined) {
      this.#timer = setTimeout(this.#startWriting, this.#flushIntervalMs);
    }
  }

  /** Resolves once every entry accepted before the call is stored; rejects if a write fails meanwhile. */
  flush(): Promise<void> {
    const target = this.#accepted;
    if (this.#settled >= target) return Promise.resolve();
    const done = new Promise<void>((resolve, reject) => this.#waiters.push({ target, resolve, reject }));
    if (this.#writing === undefined) this.#startWriting();
    return done;
  }

  /**
   * Refuses new entries, writes every accepted one (retrying for up to closeTimeoutMs),
   * then closes the store. Rejects, after closing the store, if some could not be written.
   */
  close(): Promise<void> {
    this.#closed = true;
    this.#closing ??= this.#finish();
    return this.#closing;
  }

  stats(): LedgerStats {
    return { queued: this.#queue.length - this.#head, ...this.#stats };
  }

  async #finish(): Promise<void> {
    const deadline = Date.now() + this.#closeTimeoutMs;
    this.#cancelScheduled();
    let lastError: unknown;
    while (this.#settled < this.#accepted && Date.now() < deadline) {
      try {
        await withDeadline(this.flush(), deadline);
      } catch (error) {
        lastError = error;
        this.#cancelScheduled();
        await sleep(Math.min(this.#retryDelay(), Math.max(0, deadline - Date.now())));
      }
    }
    const unwritten = this.#accepted - this.#settled;
    await this.#store.close();
    if (unwritten > 0) {
      this.#report({ error: lastError, entries: unwritten, failures: this.#failures, willRetry: false, droppedRequestIds: [] });
      throw new FrugalError(
        'FRUGAL_LEDGER_STORAGE',
        `${unwritten} acknowledged ledger entries could not be written within closeTimeoutMs (${this.#closeTimeoutMs} ms)`,
        { unwritten },
      );
    }
  }

  readonly #startWriting = (): void => {
    this.#cancelScheduled();
    this.#writing = this.#writeAll().finally(() => {
      this.#writing = undefined;
      this.#afterWriting();
    });
  };

  /**
   * Entries recorded while the writer was finishing, and flush() calls made then, are picked up
   * here. After a failure a retry is scheduled, except while closing: close() retries itself.
   */
  #afterWriting(): void {
    const pending = this.#queue.length - this.#head;
    if (this.#failures > 0) {
      if (!this.#closed) this.#timer = setTimeout(this.#startWriting, this.#retryDelay());
    } else if (this.#waiters.length > 0 || pending >= this.#batchSize) this.#immediate = setImmediate(this.#startWriting);
    else if (pending > 0) this.#timer = setTimeout(this.#startWriting, this.#flushIntervalMs);
  }

  #cancelScheduled(): void {
    clearTimeout(this.#timer);
    clearImmediate(this.#immediate);
    this.#timer = undefined;
    this.#immediate = undefined;
  }

  async #writeAll(): Promise<void> {
    while (this.#head < this.#queue.length) {
      const batch = this.#queue.slice(this.#head, this.#head + this.#batchSize);
      try {
        await this.#writeBatch(batch);
      } catch (error) {
        this.#failures += 1;
        this.#stats.failedWrites += 1;
        this.#report({ error, entries: batch.length, failures: this.#failures, willRetry: true, droppedRequestIds: [] });
        for (const waiter of this.#waiters.splice(0)) waiter.reject(error);
        return;
      }
      this.#failures = 0;
      this.#advance(batch.length);
    }
  }

  /**
   * Writes a batch; when it holds an entry that can never be stored, writes its entries one
   * by one and drops only those. A retry after a storage failure part-way is safe: entries
   * already stored are skipped as duplicates.
   */
  async #writeBatch(batch: LedgerEntry[]): Promise<void> {
    try {
      this.#count(await this.#store.writeBatch(batch));
      return;
    } catch (error) {
      if (!isPermanent(error)) throw error;
    }
    for (const entry of batch) {
      try {
        this.#count(await this.#store.writeBatch([entry]));
      } catch (error) {
        if (!isPermanent(error)) throw error;
        this.#stats.dropped += 1;
        this.#report({ error, entries: 1, failures: 1, willRetry: false, droppedRequestIds: [entry.request.id] });
      }
    }
  }

  #count(result: WriteResult): void {
    this.#stats.written += result.inserted;
    this.#stats.duplicates += result.skipped;
  }

  #report(report: LedgerErrorReport): void {
    try {
      this.#onError(report);
    } catch {
      // A failing error reporter must not stop the writer.
    }
  }

  #advance(count: number): void {
    this.#head += count;
    this.#settled += count;
    if (this.#head >= COMPACT_AFTER && this.#head * 2 >= this.#queue.length) {
      this.#queue = this.#queue.slice(this.#head);
      this.#head = 0;
    }
    this.#waiters = this.#waiters.filter((waiter) => {
      if (waiter.target > this.#settled) return true;
      waiter.resolve();
      return false;
    });
  }

  #retryDelay(): number {
    return Math.min(this.#maxRetryDelayMs, this.#retryDelayMs * 2 ** Math.max(0, this.#failures - 1));
  }
}

/** A FrugalError other than a storage failure means the entry itself is bad: retrying cannot help. */
function isPermanent(error: unknown): boolean {
  return FrugalError.isInstance(error) && error.code !== 'FRUGAL_LEDGER_STORAGE';
}

function positive(name: string, value: number): number {
  if (!Number.isFinite(value) || value <= 0) {
    throw new FrugalError('FRUGAL_INVALID_CONFIG', `ledger option ${name} is ${value}; expected a number > 0`, { field: name });
  }
  return value;
}

function reportToStderr(report: LedgerErrorReport): void {
  const reason = report.error instanceof Error ? report.error.message : String(report.error);
  const what = report.droppedRequestIds.length > 0
    ? `dropped request ${report.droppedRequestIds.join(', ')} (it can never be stored)`
    : `could not write ${report.entries} entries (failure ${report.failures}${report.willRetry ? ', will retry' : ', giving up'})`;
  process.stderr.write(`frugal ledger: ${what}: ${reason}\n`);
}

const sleep = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));

/** A write that hangs (a dead connection) must not hold close() past its deadline. */
async function withDeadline(work: Promise<void>, deadline: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('closeTimeoutMs elapsed during a write')), Math.max(0, deadline - Date.now()));
  });
  try {
    await Promise.race([work, expired]);
  } finally {
    clearTimeout(timer);
  }
}
