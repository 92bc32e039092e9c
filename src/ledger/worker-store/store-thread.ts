/**
 * The store's own thread (started by worker-store.ts): opens the store named in workerData,
 * then answers calls from the caller's thread. Everything the store does — validation, row
 * building, SQL, the transaction — happens here, so it never holds the caller's event loop.
 */
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import type { LedgerEntry } from '../records.ts';
import type { LedgerStore } from '../store.ts';
import type { StoreCall, StoreOpener, StoreReply, StoreStarted } from './messages.ts';
import { toWireError } from './wire-error.ts';

if (parentPort === null) throw new Error('store-thread.ts runs only as a worker thread (see worker-store.ts)');
const port: MessagePort = parentPort;

const opener = workerData as StoreOpener;
const store = await open();

async function open(): Promise<LedgerStore | undefined> {
  try {
    const module = (await import(opener.module)) as Record<string, (argument: unknown) => Promise<LedgerStore>>;
    const opened = await module[opener.name]!(opener.argument);
    port.postMessage({ opened: true, backend: opened.backend } satisfies StoreStarted);
    return opened;
  } catch (error) {
    port.postMessage({ opened: false, error: toWireError(error) } satisfies StoreStarted);
    return undefined;
  }
}

if (store !== undefined) {
  /** Parts of batches whose last part has not arrived yet, by call id. */
  const parts = new Map<number, LedgerEntry[]>();

  const perform = (call: Exclude<StoreCall, { method: 'forgetBatch' }>): Promise<unknown> => {
    switch (call.method) {
      case 'writeBatch': {
        const entries = parts.get(call.id) ?? [];
        parts.delete(call.id);
        for (const entry of call.entries) entries.push(entry);
        return store.writeBatch(entries);
      }
      case 'recordOutcome': return store.recordOutcome(call.argument);
      case 'getRequest': return store.getRequest(call.argument);
      case 'getTask': return store.getTask(call.argument);
      case 'usage': return store.usage(call.argument);
      case 'taskSummary': return store.taskSummary(call.argument);
      case 'listRequests': return store.listRequests(call.argument);
      case 'close': return store.close();
    }
  };

  const answer = async (call: StoreCall): Promise<void> => {
    if (call.method === 'forgetBatch') {
      parts.delete(call.id);
      return;
    }
    if (call.method === 'writeBatch' && !call.last) {
      const entries = parts.get(call.id) ?? [];
      for (const entry of call.entries) entries.push(entry);
      parts.set(call.id, entries);
      return;
    }
    let reply: StoreReply;
    try {
      reply = { id: call.id, result: await perform(call) };
    } catch (error) {
      reply = { id: call.id, error: toWireError(error) };
    }
    try {
      port.postMessage(reply);
    } catch (error) {
      // A result or error detail that cannot be cloned: the caller still gets an answer.
      port.postMessage({ id: call.id, error: toWireError(error) } satisfies StoreReply);
    }
  };

  port.on('message', (call: StoreCall) => void answer(call));
}
