import assert from 'node:assert/strict';
import { existsSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { isMissingLedger } from '../open-ledger-store.ts';
import { sampleRequest } from '../sample-records.ts';
import { runLedgerStoreCases } from '../store.case.test.ts';
import { openWorkerStore } from '../worker-store/worker-store.ts';
import { openFaultySqliteStore } from './open-faulty-sqlite-store.ts';
import { openSqliteStore, openSqliteStoreOnThisThread } from './open-sqlite-store.ts';

let folder: string;
let opened = 0;
before(async () => {
  folder = await mkdtemp(join(tmpdir(), 'frugal-ledger-sqlite-'));
});
after(async () => {
  await rm(folder, { recursive: true, force: true });
});

const freshPath = () => {
  opened += 1;
  return join(folder, `case-${opened}.db`);
};

// What the gateway uses: the store on its own thread, faults injected on that thread.
runLedgerStoreCases('sqlite on its own thread', (fault) => {
  const path = freshPath();
  return fault === undefined
    ? openSqliteStore(path)
    : openWorkerStore({ module: new URL('./open-faulty-sqlite-store.ts', import.meta.url).href, name: openFaultySqliteStore.name, argument: { path, fault } });
});

// What runs inside that thread.
runLedgerStoreCases('sqlite on the calling thread', (fault) => {
  const path = freshPath();
  return fault === undefined ? openSqliteStoreOnThisThread({ path, create: true }) : openFaultySqliteStore({ path, fault });
});

test('the SQLite ledger creates its folder, and a reopened file keeps its records', async () => {
  const path = join(folder, 'nested', '.frugal', 'ledger.db');
  const store = await openSqliteStore(path);
  await store.writeBatch([{ request: sampleRequest({ id: 'kept' }), attempts: [] }]);
  await store.close();
  assert.ok(existsSync(path));
  const reopened = await openSqliteStore(path, { create: false });
  assert.equal((await reopened.getRequest('kept'))?.request.id, 'kept');
  await reopened.close();
});

test('by default the SQLite ledger is .frugal/ledger.db under the working directory, the file `frugal serve` uses', async () => {
  const previous = process.cwd();
  process.chdir(folder);
  try {
    const store = await openSqliteStore();
    await store.close();
    assert.ok(existsSync(join(folder, '.frugal', 'ledger.db')));
  } finally {
    process.chdir(previous);
  }
});

test('a reader (create: false) is refused where there is no ledger, and creates nothing', async () => {
  const absent = join(folder, 'absent', 'ledger.db');
  await assert.rejects(openSqliteStore(absent, { create: false }), (error: unknown) =>
    isMissingLedger(error) && (error as Error).message === `no ledger at ${absent}: the file does not exist`);
  assert.equal(existsSync(join(folder, 'absent')), false);

  const other = join(folder, 'other.db');
  writeFileSync(other, '');
  await assert.rejects(openSqliteStore(other, { create: false }), (error: unknown) =>
    isMissingLedger(error) && (error as Error).message === `no ledger at ${other}: it has no ledger tables`);
});

test('a file that cannot be opened is a storage error naming the path', async () => {
  const blocked = join(folder, 'a-file');
  writeFileSync(blocked, 'not a folder');
  const path = join(blocked, 'ledger.db');
  await assert.rejects(openSqliteStore(path), (error: unknown) =>
    !isMissingLedger(error) && (error as { code?: string }).code === 'FRUGAL_LEDGER_STORAGE' &&
    (error as Error).message.startsWith(`could not open the SQLite ledger at ${path}: `));
});
