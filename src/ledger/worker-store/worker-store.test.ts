/**
 * The store on its own thread, beyond the shared cases (run in sqlite-store.test.ts): batches
 * sent in parts are still one transaction, errors keep their code, the caller's event loop
 * stays free while a batch is written, and a thread that dies fails calls instead of hanging them.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { promisify } from 'node:util';
import { FrugalError } from '../../errors/frugal-error.ts';
import { Ledger, type LedgerErrorReport } from '../ledger.ts';
import type { LedgerEntry } from '../records.ts';
import { attemptFor, costAt, sampleRequest, usageOf } from '../sample-records.ts';
import { openFaultySqliteStore } from '../sqlite-store/open-faulty-sqlite-store.ts';
import { openSqliteStore } from '../sqlite-store/open-sqlite-store.ts';
import { openStoppingStore } from './stopping-store.ts';
import { openWorkerStore, PART_SIZE } from './worker-store.ts';

let folder: string;
before(async () => {
  folder = await mkdtemp(join(tmpdir(), 'frugal-worker-store-'));
});
after(async () => {
  await rm(folder, { recursive: true, force: true });
});

const usage = usageOf({ input: 10 });
// 10 input tokens × 150,000 pico-USD = 1,500,000 pico-USD per entry
const cost = costAt(usage, { input: 150_000 });
const entries = (count: number, prefix: string): LedgerEntry[] =>
  Array.from({ length: count }, (_, index) => {
    const request = sampleRequest({ id: `${prefix}-${index}`, usage, cost, attribution: { feature: prefix } });
    return { request, attempts: [attemptFor(request)] };
  });
const isCode = (code: string) => (error: unknown) => FrugalError.isInstance(error) && error.code === code;

test('a batch sent in several parts is written in one transaction, and a retry counts it once', async () => {
  const store = await openWorkerStore({
    module: new URL('../sqlite-store/open-faulty-sqlite-store.ts', import.meta.url).href,
    name: openFaultySqliteStore.name,
    argument: { path: join(folder, 'parts.db'), fault: { statement: /INSERT INTO ledger_daily_rollups/, failures: 1 } },
  });
  try {
    const batch = entries(2 * PART_SIZE + 5, 'parts');
    await assert.rejects(store.writeBatch(batch), isCode('FRUGAL_LEDGER_STORAGE'));
    assert.equal(await store.getRequest('parts-0'), null);
    assert.deepEqual(await store.writeBatch(batch), { inserted: 2 * PART_SIZE + 5, skipped: 0 });
    const [row] = await store.usage({ groupBy: 'feature' });
    // 133 entries × 1,500,000 = 199,500,000 pico-USD
    assert.deepEqual([row?.requests, row?.costPicoUsd], [133, 199_500_000n]);
  } finally {
    await store.close();
  }
});

test('errors from the store thread keep their code, message and details', async () => {
  const store = await openSqliteStore(':memory:');
  try {
    await assert.rejects(store.usage({ groupBy: 'team' as 'model' }), (error: unknown) =>
      FrugalError.isInstance(error) && error.code === 'FRUGAL_INVALID_ARGUMENT' && error.details?.['field'] === 'groupBy' &&
      error.message === 'groupBy is "team"; expected one of model, provider, feature, user, customer, route, day');
  } finally {
    await store.close();
  }
});

test("the caller's event loop keeps turning while a large batch is written", async () => {
  const store = await openSqliteStore(join(folder, 'free-loop.db'));
  try {
    const batch = entries(6_000, 'loop');
    let ticks = 0;
    const ticker = setInterval(() => {
      ticks += 1;
    }, 1);
    await store.writeBatch(batch);
    clearInterval(ticker);
    // On the calling thread the transaction holds the loop from start to end: no tick at all.
    assert.ok(ticks >= 10, `${ticks} ticks`);
  } finally {
    await store.close();
  }
});

test('an entry that cannot be copied to the thread is dropped alone; the rest of its batch is written', async () => {
  const path = join(folder, 'uncopyable.db');
  const reports: LedgerErrorReport[] = [];
  const ledger = new Ledger(await openSqliteStore(path), { onError: (report) => reports.push(report) });
  const [first, second] = entries(2, 'copy');
  ledger.record(first!.request, first!.attempts);
  ledger.record(sampleRequest({ id: 'poison', rawUsage: { total: () => 10 } }));
  ledger.record(second!.request, second!.attempts);
  await ledger.close();
  assert.deepEqual(reports.map((report) => report.droppedRequestIds), [['poison']]);
  assert.match(String((reports[0]?.error as Error).message), /cannot be passed to the ledger's thread/);
  const reopened = await openSqliteStore(path, { create: false });
  assert.deepEqual((await reopened.usage({ groupBy: 'feature' })).map((row) => row.requests), [2]);
  await reopened.close();
});

test('a thread that stops on its own fails the call in flight and every later one with a storage error', async () => {
  const store = await openWorkerStore({ module: new URL('./stopping-store.ts', import.meta.url).href, name: openStoppingStore.name, argument: null });
  await assert.rejects(store.writeBatch(entries(1, 'stop')), (error: unknown) =>
    isCode('FRUGAL_LEDGER_STORAGE')(error) && /ledger's thread stopped: exit code 3/.test((error as Error).message));
  await assert.rejects(store.getRequest('stop-0'), isCode('FRUGAL_LEDGER_STORAGE'));
  await store.close();
});

test('close() lets calls already made finish, then refuses new ones', async () => {
  const path = join(folder, 'closing.db');
  const store = await openSqliteStore(path);
  const written = store.writeBatch(entries(3 * PART_SIZE, 'closing'));
  const closed = store.close();
  assert.deepEqual(await written, { inserted: 3 * PART_SIZE, skipped: 0 });
  await closed;
  await assert.rejects(store.getRequest('closing-0'), (error: unknown) =>
    isCode('FRUGAL_LEDGER_STORAGE')(error) && /the sqlite ledger store is closed/.test((error as Error).message));
});

test('an idle store does not keep the process alive, and a write in flight finishes before it exits', async () => {
  const path = join(folder, 'exit.db');
  const script = join(folder, 'unawaited-write.ts');
  await writeFile(script, `
    import { openSqliteStore } from ${JSON.stringify(new URL('../sqlite-store/open-sqlite-store.ts', import.meta.url).href)};
    import { sampleRequest } from ${JSON.stringify(new URL('../sample-records.ts', import.meta.url).href)};
    const store = await openSqliteStore(${JSON.stringify(path)});
    store.writeBatch([{ request: sampleRequest({ id: 'unawaited' }), attempts: [] }]).then((result) => console.log(JSON.stringify(result)));
  `);
  const { stdout } = await promisify(execFile)(process.execPath, [script], { timeout: 60_000 });
  assert.equal(stdout.trim(), '{"inserted":1,"skipped":0}');
  const reopened = await openSqliteStore(path, { create: false });
  assert.equal((await reopened.getRequest('unawaited'))?.request.id, 'unawaited');
  await reopened.close();
});
