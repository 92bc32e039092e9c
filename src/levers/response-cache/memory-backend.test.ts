import { test } from 'node:test';
import assert from 'node:assert/strict';
import { backendCases, cachedResponse } from './backend-cases.ts';
import { MemoryBackend } from './memory-backend.ts';

backendCases('memory', async (clock) => new MemoryBackend({ clock }));

test('memory: bounded by entries, the least recently used goes first', async () => {
  const backend = new MemoryBackend({ maxEntries: 2 });
  await backend.set('a', cachedResponse('a'), 60_000);
  await backend.set('b', cachedResponse('b'), 60_000);
  await backend.get('a'); // a is now more recent than b
  await backend.set('c', cachedResponse('c'), 60_000);
  assert.equal(backend.size, 2);
  assert.equal(await backend.get('b'), undefined);
  assert.notEqual(await backend.get('a'), undefined);
  assert.notEqual(await backend.get('c'), undefined);
});

test('memory: bounded by bytes; an entry larger than the whole budget is not stored', async () => {
  const probe = new MemoryBackend();
  await probe.set('a', cachedResponse('x'.repeat(100)), 60_000);
  const one = probe.bytes; // key + serialized entry; the same for keys b and c
  const backend = new MemoryBackend({ maxBytes: one * 2 + 10 });
  for (const key of ['a', 'b', 'c']) await backend.set(key, cachedResponse('x'.repeat(100)), 60_000);
  assert.equal(backend.size, 2, 'two entries fit the budget, the third evicts the oldest');
  assert.ok(backend.bytes <= backend.maxBytes);
  assert.equal(await backend.get('a'), undefined);
  await backend.set('huge', cachedResponse('y'.repeat(10_000)), 60_000);
  assert.equal(await backend.get('huge'), undefined);
  assert.equal(backend.size, 2, 'the oversized entry evicted nothing');
});
