/** What the caller's thread (worker-store.ts) and the store's thread (store-thread.ts) send each other. */
import type { LedgerEntry, OutcomeRecord } from '../records.ts';
import type { DayRange, LedgerStore, UsageQuery } from '../store.ts';
import type { WireError } from './wire-error.ts';

/**
 * How the store's thread opens its store: it imports `module` (a file URL) and awaits
 * `module[name](argument)`, which must resolve to a LedgerStore.
 */
export interface StoreOpener {
  module: string;
  name: string;
  argument: unknown;
}

/**
 * A batch arrives in parts (`last: false` until the final one) so that no single message
 * holds the caller's thread for long; the store's thread writes the parts in one transaction.
 * `forgetBatch` drops the parts of a batch the caller could not finish sending.
 */
export type StoreCall =
  | { id: number; method: 'writeBatch'; entries: LedgerEntry[]; last: boolean }
  | { id: number; method: 'forgetBatch' }
  | { id: number; method: 'recordOutcome'; argument: OutcomeRecord }
  | { id: number; method: 'getRequest' | 'getTask'; argument: string }
  | { id: number; method: 'usage'; argument: UsageQuery }
  | { id: number; method: 'taskSummary' | 'listRequests'; argument: DayRange }
  | { id: number; method: 'close' };

export type StoreReply = { id: number; result: unknown } | { id: number; error: WireError };

/** The store thread's first message. */
export type StoreStarted = { opened: true; backend: LedgerStore['backend'] } | { opened: false; error: WireError };
