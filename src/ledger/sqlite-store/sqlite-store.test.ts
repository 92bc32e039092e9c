import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { sampleRequest } from '../sample-records.ts';
import { SqlLedgerStore } from '../sql/sql-store.ts';
import { runLedgerStoreCases } from '../store.case.test.ts';
import { openSqliteStore } from './open-sqlite-store.ts';
import { SqliteDriver } from './sqlite-driver.ts';

let folder: string;
let opened = 0;
before(async () => {
  folder = await mkdtemp(join(tmpdir(), 'frugal-ledger-sqlite-'));
});
after(async () => {
  await rm(folder, { recursive: true, force: true });
});

runLedgerStoreCases('sqlite', (wrapDriver = (driver) => driver) => {
  opened += 1;
  return SqlLedgerStore.open(wrapDriver(new SqliteDriver(join(folder, `case-${opened}.sqlite`))));
});

test('the SQLite ledger creates its folder, and a reopened file keeps its records', async () => {
  const path = join(folder, 'nested', '.frugal', 'ledger.sqlite');
  const store = await openSqliteStore(path);
  await store.writeBatch([{ request: sampleRequest({ id: 'kept' }), attempts: [] }]);
  await store.close();
  assert.ok(existsSync(path));
  const reopened = await openSqliteStore(path);
  assert.equal((await reopened.getRequest('kept'))?.request.id, 'kept');
  await reopened.close();
});

test('by default the SQLite ledger lives in .frugal/ under the working directory', async () => {
  const previous = process.cwd();
  process.chdir(folder);
  try {
    const store = await openSqliteStore();
    await store.close();
    assert.ok(existsSync(join(folder, '.frugal', 'ledger.sqlite')));
  } finally {
    process.chdir(previous);
  }
});
