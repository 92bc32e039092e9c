import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { VectorIndex, type VectorIndexOptions } from './vector-index.ts';

const directory = mkdtempSync(join(tmpdir(), 'frugal-vector-index-'));
after(() => rmSync(directory, { recursive: true, force: true }));

const DIMENSIONS = 8;
const axis = (dimension: number) => ({ indices: Uint32Array.of(dimension), values: Float32Array.of(1) });
const HOUR = 3_600_000;

function open(overrides: Partial<VectorIndexOptions> = {}) {
  let now = Date.parse('2026-05-01T00:00:00Z');
  const index = new VectorIndex({ path: ':memory:', embedderName: 'test', dimensions: DIMENSIONS, maxEntries: 100, now: () => now, ...overrides });
  return { index, advance: (milliseconds: number) => (now += milliseconds) };
}

test('one scope never sees another scope’s entries, even for the same vector', () => {
  const { index } = open();
  const id = index.add('tenant-a', axis(1), 'same text', '"answer for a"', HOUR);
  assert.deepEqual(index.search('tenant-b', axis(1), 0.5, 5), []);
  assert.equal(index.read('tenant-b', id), undefined);
  assert.equal(index.search('tenant-a', axis(1), 0.5, 5)[0]!.id, id);
  assert.equal(index.read('tenant-a', id)!.payload, '"answer for a"');
});

test('bounded: the least recently used entry is evicted first, and a hit counts as a use', () => {
  const { index } = open({ maxEntries: 3 });
  const first = index.add('s', axis(0), 'zero', '0', HOUR);
  const second = index.add('s', axis(1), 'one', '1', HOUR);
  index.add('s', axis(2), 'two', '2', HOUR);
  index.touch(first);
  index.add('s', axis(3), 'three', '3', HOUR);
  // Order of use: second (oldest), two, first (touched), three → second goes.
  assert.equal(index.size, 3);
  assert.equal(index.read('s', second), undefined);
  assert.notEqual(index.read('s', first), undefined);
});

test('entries expire at their TTL: skipped by search, dropped by purge', () => {
  const { index, advance } = open();
  index.add('s', axis(0), 'short', '"short"', HOUR);
  const kept = index.add('s', axis(0), 'long', '"long"', 24 * HOUR);
  advance(HOUR);
  assert.deepEqual(index.search('s', axis(0), 0.5, 5).map((match) => match.id), [kept]);
  assert.equal(index.size, 1);
  advance(24 * HOUR);
  assert.equal(index.purgeExpired(), 1);
  assert.equal(index.size, 0);
});

test('persisted: reopening the file restores entries, scopes and LRU order', () => {
  const path = join(directory, 'persist.db');
  const clock = { now: Date.parse('2026-05-01T00:00:00Z') };
  const options = { path, embedderName: 'test', dimensions: DIMENSIONS, maxEntries: 3, now: () => clock.now };
  const writer = new VectorIndex(options);
  const older = writer.add('s', axis(0), 'zero', '0', HOUR);
  clock.now += 1;
  const newer = writer.add('s', axis(1), 'one', '1', HOUR);
  clock.now += 1;
  writer.add('other', axis(2), 'two', '2', HOUR);
  clock.now += 1;
  writer.touch(older);
  writer.close();

  const reader = new VectorIndex(options);
  assert.equal(reader.size, 3);
  assert.equal(reader.search('s', axis(0), 0.5, 1)[0]!.id, older);
  assert.equal(reader.scopeSize('other'), 1);
  reader.add('s', axis(3), 'three', '3', HOUR);
  // `newer` was used least recently (older was touched before closing), so it goes first.
  assert.equal(reader.read('s', newer), undefined);
  assert.notEqual(reader.read('s', older), undefined);
  reader.close();
});

test('a file written with another embedder is emptied on open: its vectors mean nothing here', () => {
  const path = join(directory, 'embedder.db');
  const first = new VectorIndex({ path, embedderName: 'lexical:aaaa', dimensions: DIMENSIONS, maxEntries: 10 });
  first.add('s', axis(0), 'zero', '0', HOUR);
  first.close();
  const second = new VectorIndex({ path, embedderName: 'lexical:bbbb', dimensions: DIMENSIONS, maxEntries: 10 });
  assert.equal(second.discardedOnOpen, 1);
  assert.equal(second.size, 0);
  second.close();
});

test('dense vectors get the same treatment as sparse ones', () => {
  const { index } = open();
  const dense = (values: number[]) => Float32Array.from(values);
  index.add('s', dense([3, 4, 1, 1, 1, 1, 1, 1]), 'a', '1', HOUR);
  index.add('s', dense([1, 1, 1, 1, 1, 1, 4, 3]), 'b', '2', HOUR);
  const [best] = index.search('s', dense([3, 4, 1, 1, 1, 1, 1, 1]), 0.5, 1);
  assert.ok(Math.abs(best!.similarity - 1) < 1e-6);
  assert.throws(() => index.add('s', dense([1, 2]), 'c', '3', HOUR), { code: 'FRUGAL_INVALID_ARGUMENT', message: /2 dimensions; this index holds 8/ });
});

test('a storage failure is a FrugalError naming the cache', () => {
  const { index } = open();
  index.close();
  assert.throws(() => index.add('s', axis(0), 'zero', '0', HOUR), { code: 'FRUGAL_CACHE_STORAGE', message: /semantic cache write failed/ });
});
