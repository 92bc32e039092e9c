/**
 * A LedgerStore that does its work on its own worker thread (store-thread.ts). The caller's
 * thread only copies calls and answers across (structured clone): a batch goes in parts of
 * PART_SIZE entries with the event loop free between parts, and the store's thread writes
 * them in one transaction. An idle store does not keep the process alive; calls in flight do.
 */
import { Worker } from 'node:worker_threads';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { FrugalError } from '../../errors/frugal-error.ts';
import type { LedgerEntry, OutcomeRecord, RequestRecord } from '../records.ts';
import type {
  DayRange, LedgerStore, OutcomeResult, RequestDetails, TaskDetails, TaskSummary, UsageQuery, UsageRow, WriteResult,
} from '../store.ts';
import type { StoreCall, StoreOpener, StoreReply, StoreStarted } from './messages.ts';
import { fromWireError } from './wire-error.ts';

const THREAD = new URL('./store-thread.ts', import.meta.url);

/** Entries per message: copying 64 realistic entries holds the caller's thread for about 0.3 ms (bench/ledger). */
export const PART_SIZE = 64;

/** Starts the store's thread and opens the store there; rejects with the opener's own error when that fails. */
export async function openWorkerStore(opener: StoreOpener): Promise<LedgerStore> {
  const worker = new Worker(THREAD, { workerData: opener, name: 'frugal-ledger' });
  const started = Promise.withResolvers<StoreStarted>();
  const onExit = (code: number) => started.reject(new Error(`it exited with code ${code}`));
  worker.once('message', started.resolve).once('error', started.reject).once('exit', onExit);
  try {
    const answer = await started.promise.catch(async (error: Error) => {
      await worker.terminate();
      throw new FrugalError('FRUGAL_LEDGER_STORAGE', `could not start the ledger's thread: ${error.message}`);
    });
    if (!answer.opened) {
      await worker.terminate();
      throw fromWireError(answer.error);
    }
    return new WorkerStore(worker, answer.backend);
  } finally {
    worker.off('message', started.resolve).off('error', started.reject).off('exit', onExit);
  }
}

interface Pending {
  resolve: (result: unknown) => void;
  reject: (error: Error) => void;
}

class WorkerStore implements LedgerStore {
  readonly backend: LedgerStore['backend'];
  readonly #worker: Worker;
  readonly #pending = new Map<number, Pending>();
  /** Batches still being sent in parts: close() lets them finish. */
  readonly #sending = new Set<Promise<unknown>>();
  #nextId = 0;
  /** Set by close(): new calls are refused. */
  #closed = false;
  /** Why the thread takes no more messages (closed, or stopped on its own); undefined while it does. */
  #lost: string | undefined;
  #closing: Promise<void> | undefined;

  constructor(worker: Worker, backend: LedgerStore['backend']) {
    this.#worker = worker;
    this.backend = backend;
    let crash: Error | undefined;
    worker.on('message', (reply: StoreReply) => this.#settle(reply));
    worker.on('error', (error: Error) => {
      crash = error;
    });
    worker.on('exit', (code: number) => this.#lose(`the ${backend} ledger's thread stopped: ${crash?.message ?? `exit code ${code}`}`));
    worker.unref();
  }

  writeBatch(entries: readonly LedgerEntry[]): Promise<WriteResult> {
    const sending = this.#sendBatch(entries);
    const sent = () => void this.#sending.delete(sending);
    this.#sending.add(sending);
    sending.then(sent, sent);
    return sending.then(({ answer }) => answer) as Promise<WriteResult>;
  }

  recordOutcome(outcome: OutcomeRecord): Promise<OutcomeResult> {
    return this.#call({ id: this.#id(), method: 'recordOutcome', argument: outcome }) as Promise<OutcomeResult>;
  }

  getRequest(id: string): Promise<RequestDetails | null> {
    return this.#call({ id: this.#id(), method: 'getRequest', argument: id }) as Promise<RequestDetails | null>;
  }

  getTask(taskId: string): Promise<TaskDetails | null> {
    return this.#call({ id: this.#id(), method: 'getTask', argument: taskId }) as Promise<TaskDetails | null>;
  }

  usage(query: UsageQuery): Promise<UsageRow[]> {
    return this.#call({ id: this.#id(), method: 'usage', argument: query }) as Promise<UsageRow[]>;
  }

  taskSummary(range: DayRange): Promise<TaskSummary> {
    return this.#call({ id: this.#id(), method: 'taskSummary', argument: range }) as Promise<TaskSummary>;
  }

  listRequests(range: DayRange): Promise<RequestRecord[]> {
    return this.#call({ id: this.#id(), method: 'listRequests', argument: range }) as Promise<RequestRecord[]>;
  }

  /** Calls made before it finish first (a batch being sent is sent whole); later calls are refused. Ends the thread. */
  close(): Promise<void> {
    this.#closing ??= this.#close();
    return this.#closing;
  }

  async #close(): Promise<void> {
    this.#closed = true;
    await Promise.allSettled(this.#sending);
    if (this.#lost !== undefined) return;
    try {
      await this.#expect({ id: this.#id(), method: 'close' });
    } finally {
      this.#lost ??= `the ${this.backend} ledger store is closed`;
      await this.#worker.terminate();
    }
  }

  /** Sends a batch in parts with the event loop free between them; resolves once the last part is sent. */
  async #sendBatch(entries: readonly LedgerEntry[]): Promise<{ answer: Promise<unknown> }> {
    this.#refuseIfClosed('writeBatch');
    const id = this.#id();
    let start = 0;
    try {
      for (; entries.length - start > PART_SIZE; start += PART_SIZE) {
        this.#post({ id, method: 'writeBatch', entries: entries.slice(start, start + PART_SIZE), last: false });
        await nextTurn();
      }
    } catch (error) {
      if (this.#lost === undefined) this.#worker.postMessage({ id, method: 'forgetBatch' } satisfies StoreCall);
      throw error;
    }
    return { answer: this.#expect({ id, method: 'writeBatch', entries: entries.slice(start), last: true }) };
  }

  #id(): number {
    this.#nextId += 1;
    return this.#nextId;
  }

  #call(call: StoreCall): Promise<unknown> {
    try {
      this.#refuseIfClosed(call.method);
    } catch (error) {
      return Promise.reject(error);
    }
    return this.#expect(call);
  }

  #refuseIfClosed(method: string): void {
    if (this.#closed) throw new FrugalError('FRUGAL_LEDGER_STORAGE', `could not ${method}: the ${this.backend} ledger store is closed`);
  }

  /** Posts a call and resolves with its answer. */
  #expect(call: StoreCall): Promise<unknown> {
    return new Promise((resolve, reject) => {
      this.#post(call);
      this.#pending.set(call.id, { resolve, reject });
      if (this.#pending.size === 1) this.#worker.ref();
    });
  }

  #post(call: StoreCall): void {
    if (this.#lost !== undefined) throw new FrugalError('FRUGAL_LEDGER_STORAGE', `could not ${call.method}: ${this.#lost}`);
    try {
      this.#worker.postMessage(call);
    } catch (error) {
      // Something in the call cannot be copied (a function, a symbol): retrying cannot help.
      if (error instanceof DOMException && error.name === 'DataCloneError') {
        throw new FrugalError('FRUGAL_INVALID_RECORD', `a ${call.method} call cannot be passed to the ledger's thread: ${error.message}`, {
          method: call.method,
        });
      }
      throw error;
    }
  }

  #settle(reply: StoreReply): void {
    const pending = this.#pending.get(reply.id);
    if (pending === undefined) return;
    this.#pending.delete(reply.id);
    if (this.#pending.size === 0) this.#worker.unref();
    if ('error' in reply) pending.reject(fromWireError(reply.error));
    else pending.resolve(reply.result);
  }

  #lose(reason: string): void {
    this.#lost ??= reason;
    for (const pending of this.#pending.values()) pending.reject(new FrugalError('FRUGAL_LEDGER_STORAGE', reason));
    this.#pending.clear();
  }
}
