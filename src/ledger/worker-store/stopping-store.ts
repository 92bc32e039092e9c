/** For tests: a store opened on a store's thread that ends that thread on its first write, as a crash would. */
import { openSqliteStoreOnThisThread } from '../sqlite-store/open-sqlite-store.ts';
import type { LedgerStore } from '../store.ts';

export async function openStoppingStore(): Promise<LedgerStore> {
  const store = await openSqliteStoreOnThisThread({ path: ':memory:', create: true });
  return {
    backend: store.backend,
    writeBatch: () => process.exit(3),
    recordOutcome: (outcome) => store.recordOutcome(outcome),
    getRequest: (id) => store.getRequest(id),
    getTask: (taskId) => store.getTask(taskId),
    usage: (query) => store.usage(query),
    taskSummary: (range) => store.taskSummary(range),
    listRequests: (range) => store.listRequests(range),
    close: () => store.close(),
  };
}
