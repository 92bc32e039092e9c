import assert from 'node:assert/strict';
import { test } from 'node:test';
import { percentile } from './percentile.ts';

test('nearest rank: p50 of 1..10 is the 5th value, p99 the 10th, p0 the 1st', () => {
  // Ranks: ceil(0.50 × 10) = 5, ceil(0.99 × 10) = 10, ceil(0 × 10) = 0 → clamped to 1.
  const samples = [10, 9, 8, 7, 6, 5, 4, 3, 2, 1];
  assert.equal(percentile(samples, 50), 5);
  assert.equal(percentile(samples, 99), 10);
  assert.equal(percentile(samples, 0), 1);
});

test('p99 of 1,000 samples ignores the 10 slowest', () => {
  // ceil(0.99 × 1000) = 990: values 991..1000 lie above it.
  const samples = Array.from({ length: 1000 }, (_, index) => index + 1);
  assert.equal(percentile(samples, 99), 990);
});

test('no samples give NaN rather than a made-up figure', () => {
  assert.ok(Number.isNaN(percentile([], 50)));
});
