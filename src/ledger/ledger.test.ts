import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { FrugalError } from '../errors/frugal-error.ts';
import { Ledger, type LedgerErrorReport } from './ledger.ts';
import type { LedgerEntry } from './records.ts';
import { attemptFor, costAt, sampleRequest, usageOf } from './sample-records.ts';
import { openSqliteStore } from './sqlite-store/open-sqlite-store.ts';
import type { LedgerStore, WriteResult } from './store.ts';

/** Stores batches in memory; can fail or hold writes on demand. */
class FakeStore implements LedgerStore {
  readonly backend = 'sqlite';
  readonly batches: string[][] = [];
  readonly stored = new Set<string>();
  closed = false;
  failNext = 0;
  failing: Error | undefined;
  hold: Promise<void> | undefined;
  refuse = new Set<string>();
  #wrote: (() => void)[] = [];

  async writeBatch(entries: readonly LedgerEntry[]): Promise<WriteResult> {
    await this.hold;
    if (this.failing !== undefined) throw this.failing;
    if (this.failNext > 0) {
      this.failNext -= 1;
      throw new FrugalError('FRUGAL_LEDGER_STORAGE', 'could not write a ledger batch: connection reset');
    }
    const ids = entries.map((entry) => entry.request.id);
    const refused = ids.find((id) => this.refuse.has(id));
    if (refused) throw new FrugalError('FRUGAL_MONEY_OVERFLOW', `request ${refused} overflows`);
    this.batches.push(ids);
    const fresh = ids.filter((id) => !this.stored.has(id));
    for (const id of fresh) this.stored.add(id);
    for (const notify of this.#wrote.splice(0)) notify();
    return { inserted: fresh.length, skipped: ids.length - fresh.length };
  }

  nextWrite(): Promise<void> {
    return new Promise((resolve) => this.#wrote.push(resolve));
  }

  async close(): Promise<void> {
    this.closed = true;
  }

  getRequest(): never { throw new Error('not used'); }
  getTask(): never { throw new Error('not used'); }
  usage(): never { throw new Error('not used'); }
  taskSummary(): never { throw new Error('not used'); }
  listRequests(): never { throw new Error('not used'); }
  recordOutcome(): never { throw new Error('not used'); }
}

const request = (id: string) => sampleRequest({ id });
const recordMany = (ledger: Ledger, ids: string[]) => ids.forEach((id) => ledger.record(request(id)));
const ids = (count: number, prefix = 'r') => Array.from({ length: count }, (_, index) => `${prefix}${index}`);
const silent = { onError: () => undefined };

test('record() only queues: the store sees nothing until the writer runs, then batches in order', async () => {
  const store = new FakeStore();
  const ledger = new Ledger(store, { batchSize: 3, flushIntervalMs: 60_000, ...silent });
  recordMany(ledger, ids(7));
  assert.deepEqual(store.batches, []);
  assert.equal(ledger.stats().queued, 7);
  await ledger.flush();
  assert.deepEqual(store.batches, [['r0', 'r1', 'r2'], ['r3', 'r4', 'r5'], ['r6']]);
  assert.deepEqual(ledger.stats(), { queued: 0, written: 7, duplicates: 0, dropped: 0, failedWrites: 0 });
  await ledger.close();
});

test('a partial batch is written after flushIntervalMs, a full one without waiting for it', async () => {
  const timed = new FakeStore();
  const byTime = new Ledger(timed, { batchSize: 100, flushIntervalMs: 5, ...silent });
  const written = timed.nextWrite();
  byTime.record(request('alone'));
  await written;
  assert.deepEqual(timed.batches, [['alone']]);

  const sized = new FakeStore();
  const bySize = new Ledger(sized, { batchSize: 2, flushIntervalMs: 3_600_000, ...silent });
  const full = sized.nextWrite();
  recordMany(bySize, ['a', 'b']);
  await full;
  assert.deepEqual(sized.batches, [['a', 'b']]);
  await Promise.all([byTime.close(), bySize.close()]);
});

test('a failed write keeps its batch at the head of the queue, reports it, and retries it in order', async () => {
  const store = new FakeStore();
  store.failNext = 2;
  const reports: LedgerErrorReport[] = [];
  const ledger = new Ledger(store, { batchSize: 2, flushIntervalMs: 3_600_000, retryDelayMs: 1, onError: (report) => reports.push(report) });
  recordMany(ledger, ids(3));
  await assert.rejects(ledger.flush(), (error: unknown) => FrugalError.isInstance(error) && error.code === 'FRUGAL_LEDGER_STORAGE');
  const recovered = store.nextWrite();
  await recovered;
  await ledger.flush();
  assert.deepEqual(store.batches, [['r0', 'r1'], ['r2']]);
  assert.deepEqual(reports.map((report) => [report.entries, report.failures, report.willRetry]), [[2, 1, true], [2, 2, true]]);
  assert.equal(ledger.stats().failedWrites, 2);
  await ledger.close();
});

test('close() writes everything acknowledged, closes the store, and refuses later records', async () => {
  const store = new FakeStore();
  store.failNext = 3;
  const ledger = new Ledger(store, { batchSize: 64, flushIntervalMs: 3_600_000, retryDelayMs: 1, ...silent });
  const acknowledged = ids(1_000);
  recordMany(ledger, acknowledged);
  await ledger.close();
  assert.deepEqual(store.batches.flat(), acknowledged);
  assert.ok(store.closed);
  assert.throws(() => ledger.record(request('late')), (error: unknown) => FrugalError.isInstance(error) && error.code === 'FRUGAL_LEDGER_CLOSED');
});

test('close() gives up after closeTimeoutMs when storage stays down, and says how much is unwritten', async () => {
  const store = new FakeStore();
  store.failing = new FrugalError('FRUGAL_LEDGER_STORAGE', 'could not write a ledger batch: server is down');
  const reports: LedgerErrorReport[] = [];
  const ledger = new Ledger(store, { closeTimeoutMs: 30, retryDelayMs: 5, onError: (report) => reports.push(report) });
  recordMany(ledger, ids(4));
  await assert.rejects(ledger.close(), (error: unknown) =>
    FrugalError.isInstance(error) && error.code === 'FRUGAL_LEDGER_STORAGE' && /^4 acknowledged/.test(error.message));
  assert.ok(store.closed);
  assert.equal(reports.at(-1)?.willRetry, false);
  assert.equal(reports.at(-1)?.entries, 4);
});

test('when maxQueued entries wait, record() refuses with FRUGAL_LEDGER_FULL until the writer catches up', async () => {
  const store = new FakeStore();
  let release = () => undefined as void;
  store.hold = new Promise((resolve) => {
    release = resolve;
  });
  const ledger = new Ledger(store, { maxQueued: 2, flushIntervalMs: 1, ...silent });
  recordMany(ledger, ['a', 'b']);
  assert.throws(() => ledger.record(request('c')), (error: unknown) => FrugalError.isInstance(error) && error.code === 'FRUGAL_LEDGER_FULL');
  release();
  await ledger.flush();
  ledger.record(request('c'));
  await ledger.close();
  assert.deepEqual(store.batches.flat(), ['a', 'b', 'c']);
});

test('a malformed record is refused on the caller stack and never queued', () => {
  const ledger = new Ledger(new FakeStore(), silent);
  const bad = sampleRequest({ id: 'bad', cost: { ...costAt(usageOf({ input: 10 }), { input: 150_000 }), totalPicoUsd: 1 } });
  assert.throws(() => ledger.record(bad), (error: unknown) =>
    FrugalError.isInstance(error) && error.code === 'FRUGAL_INVALID_RECORD' && /request\.cost\.totalPicoUsd is 1; expected the sum of the priced lines, 1500000/.test(error.message));
  const good = request('good');
  assert.throws(() => ledger.record(good, [attemptFor(request('other'))]), /attempts\[0\]\.requestId/);
  assert.equal(ledger.stats().queued, 0);
});

test('an entry that can never be stored is dropped and reported; the rest of its batch is written', async () => {
  const store = new FakeStore();
  store.refuse.add('poison');
  const reports: LedgerErrorReport[] = [];
  const ledger = new Ledger(store, { onError: (report) => reports.push(report) });
  recordMany(ledger, ['a', 'poison', 'b']);
  await ledger.close();
  assert.deepEqual([...store.stored], ['a', 'b']);
  assert.deepEqual(reports.map((report) => report.droppedRequestIds), [['poison']]);
  assert.equal(ledger.stats().dropped, 1);
});

test('with SQLite, everything acknowledged before close() is in the file afterwards', async () => {
  const folder = await mkdtemp(join(tmpdir(), 'frugal-ledger-'));
  try {
    const path = join(folder, 'ledger.sqlite');
    const ledger = new Ledger(await openSqliteStore(path), { batchSize: 50, flushIntervalMs: 2 });
    const usage = usageOf({ input: 10, output: 1 });
    // 10 × 150,000 + 1 × 600,000 = 2,100,000 pico-USD per request
    const cost = costAt(usage, { input: 150_000, output: 600_000 });
    for (let index = 0; index < 1_234; index += 1) {
      const entry = sampleRequest({ id: `q${index}`, usage, cost, attribution: { feature: 'close-test' } });
      ledger.record(entry, [attemptFor(entry)]);
      if (index % 300 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    await ledger.close();
    const reopened = await openSqliteStore(path);
    const [row] = await reopened.usage({ groupBy: 'feature' });
    // 1,234 × 2,100,000 = 2,591,400,000
    assert.deepEqual([row?.requests, row?.attempts, row?.costPicoUsd], [1_234, 1_234, 2_591_400_000n]);
    await reopened.close();
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
});
