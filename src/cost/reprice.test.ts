import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { UsageBuckets } from '../usage/buckets.ts';
import { priceUsage } from './price-usage.ts';
import { baselineCost, repriceOnModel, savingAgainst, uncachedBuckets } from './reprice.ts';
import { testEntry } from './test-entry.ts';

const flagship = testEntry();
const small = testEntry({ model: 'small', prices: { live: { input: '1', cacheRead: '0.10', output: '4' } } });
const step: UsageBuckets = { input: 2300, cacheRead: 3000, cacheWrite5m: 0, cacheWrite1h: 0, output: 400, reasoning: 0 };

test('the same usage on another model', () => {
  // 2,300 × $1 + 3,000 × $0.10 + 400 × $4 = $0.0023 + $0.0003 + $0.0016 = $0.0042
  assert.equal(repriceOnModel(small, step, { catalogVersion: 'test' }).totalUsd, '0.0042');
  // Without cache: 5,300 × $1 + 400 × $4 = $0.0053 + $0.0016 = $0.0069
  assert.equal(repriceOnModel(small, step, { catalogVersion: 'test', withoutCache: true }).totalUsd, '0.0069');
});

test('the baseline bills every prompt token as uncached input at live price', () => {
  assert.deepEqual(uncachedBuckets({ ...step, cacheWrite5m: 10, cacheWrite1h: 20 }), {
    input: 5330,
    cacheRead: 0,
    cacheWrite5m: 0,
    cacheWrite1h: 0,
    output: 400,
    reasoning: 0,
  });
  // Seed example: the naive flagship step is the baseline ($0.0345); the small cached step saves $0.0303.
  const baseline = baselineCost(flagship, step, 'test');
  assert.equal(baseline.totalUsd, '0.0345');
  const actual = priceUsage(small, step, { catalogVersion: 'test' });
  assert.equal(savingAgainst(baseline, actual).savingUsd, '0.0303');
  // A dearer actual call gives a negative saving; an incomplete cost gives none.
  assert.equal(savingAgainst(actual, baseline).savingUsd, '-0.0303');
  const incomplete = priceUsage(small, { ...step, cacheWrite1h: 5 }, { catalogVersion: 'test' });
  assert.equal(savingAgainst(baseline, incomplete).savingPicoUsd, null);
});
