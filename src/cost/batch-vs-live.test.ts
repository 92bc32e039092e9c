import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadShippedCatalog } from '../catalog/load.ts';
import type { UsageBuckets } from '../usage/buckets.ts';
import { compareBatchToLive } from './batch-vs-live.ts';
import { testEntry } from './test-entry.ts';

const buckets: UsageBuckets = { input: 10_000, cacheRead: 0, cacheWrite5m: 0, cacheWrite1h: 0, output: 1000, reasoning: 0 };

test('batch saves half on gpt-5', () => {
  const catalog = loadShippedCatalog();
  const comparison = compareBatchToLive(catalog.resolve('gpt-5', { provider: 'openai' }), buckets, { catalogVersion: catalog.version });
  // live $0.0225 − batch $0.01125 = $0.01125
  assert.equal(comparison.live.totalUsd, '0.0225');
  assert.equal(comparison.batch.totalUsd, '0.01125');
  assert.equal(comparison.savingUsd, '0.01125');
});

test('no batch price means no saving figure, not a saving of the whole live cost', () => {
  const comparison = compareBatchToLive(testEntry(), buckets, { catalogVersion: 'test' });
  assert.equal(comparison.batch.complete, false);
  assert.equal(comparison.savingPicoUsd, null);
  assert.equal(comparison.savingUsd, null);
});
