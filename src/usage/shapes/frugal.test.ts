import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normalizeFrugalUsage } from './frugal.ts';

test('absent buckets read as zero', () => {
  assert.deepEqual(normalizeFrugalUsage({ input: 3, output: 4 }).buckets, {
    input: 3,
    cacheRead: 0,
    cacheWrite5m: 0,
    cacheWrite1h: 0,
    output: 4,
    reasoning: 0,
  });
});

test('an unknown key (a likely typo) is rejected by name', () => {
  assert.throws(() => normalizeFrugalUsage({ input: 3, cache_read: 4 }), /usage field cache_read is not a Frugal bucket/);
  assert.throws(() => normalizeFrugalUsage({ input: -3 }), /usage field input must be a non-negative integer .* got -3/);
  assert.throws(() => normalizeFrugalUsage([1, 2]), /usage field usage must be an object, got an array/);
});
