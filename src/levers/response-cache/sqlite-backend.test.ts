import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { backendCases, cachedResponse } from './backend-cases.ts';
import { SqliteBackend } from './sqlite-backend.ts';

backendCases('sqlite', async (clock) => new SqliteBackend({ path: ':memory:', clock }));

test('sqlite: entries survive a restart of the process that wrote them', async () => {
  const directory = mkdtempSync(join(tmpdir(), 'frugal-response-cache-'));
  try {
    const path = join(directory, 'cache.db');
    const writer = new SqliteBackend({ path });
    await writer.set('k', cachedResponse('kept'), 60_000);
    await writer.close();
    const reader = new SqliteBackend({ path });
    assert.deepEqual(await reader.get('k'), cachedResponse('kept'));
    await reader.close();
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
});

test('sqlite: a path that cannot be opened is a FRUGAL_CACHE_STORAGE error naming it', () => {
  assert.throws(() => new SqliteBackend({ path: '/nonexistent-directory/cache.db' }), /response cache \(SQLite\) could not open \/nonexistent-directory\/cache\.db/);
});
