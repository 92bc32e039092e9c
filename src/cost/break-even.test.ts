import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadShippedCatalog } from '../catalog/load.ts';
import { cacheWriteBreakEven, minimumReadsToBreakEven } from './break-even.ts';
import { testEntry } from './test-entry.ts';

test('Anthropic 5m writes pay off after 1 read, 1h writes after 2', () => {
  // 5m: w = 1.25, r = 0.1 → k > 0.25 / 0.9 = 0.277 → 1. 1h: w = 2 → k > 1 / 0.9 = 1.11 → 2.
  assert.equal(minimumReadsToBreakEven(100, 125, 10), 1);
  assert.equal(minimumReadsToBreakEven(100, 200, 10), 2);
  const sonnet = loadShippedCatalog().resolve('claude-sonnet-4-5', { provider: 'anthropic' });
  assert.deepEqual(cacheWriteBreakEven(sonnet, '5m'), { ttl: '5m', writeRatio: '1.25', readRatio: '0.1', minimumReads: 1 });
  assert.deepEqual(cacheWriteBreakEven(sonnet, '1h'), { ttl: '1h', writeRatio: '2', readRatio: '0.1', minimumReads: 2 });
});

test('the inequality is strict: a write that exactly breaks even needs one more read', () => {
  // w = 1.9, r = 0.1 → (w − 1)/(1 − r) = 0.9/0.9 = 1 exactly → k > 1 → 2
  assert.equal(minimumReadsToBreakEven(10, 19, 1), 2);
  // No write premium (w = 1): k > 0 → 1 read. A write cheaper than input pays off with none.
  assert.equal(minimumReadsToBreakEven(10, 10, 1), 1);
  assert.equal(minimumReadsToBreakEven(10, 8, 1), 0);
});

test('a cache whose reads are not cheaper than input never pays off', () => {
  assert.equal(minimumReadsToBreakEven(10, 12, 10), null);
});

test('without a write price there is no break-even to compute', () => {
  assert.equal(cacheWriteBreakEven(testEntry(), '1h'), undefined);
});
