import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadShippedCatalog } from '../../catalog/load.ts';
import { advise } from './advise.ts';
import { MINI, haikuRequest, pricedRequest } from './test-requests.ts';

test('recommendations are projected over the window and ranked by monthly savings', () => {
  const requests = [
    // batch: live 600,000,000 − batch 300,000,000 = 300,000,000 observed
    pricedRequest('nightly', { input: 2_000, output: 500 }, MINI, { attribution: { feature: 'nightly-digest' } }),
    // cache writes: 1,000 × (1,250,000 − 1,000,000) = 250,000,000 observed
    haikuRequest('writer', { input: 10, cacheWrite5m: 1_000 }),
  ];
  const { recommendations } = advise(requests, { catalog: loadShippedCatalog(), windowDays: 15 });
  // × 30 / 15 = × 2
  assert.deepEqual(recommendations.map((recommendation) => [recommendation.id, recommendation.projectedMonthlySavingsPicoUsd, recommendation.projectedMonthlySavingsUsd]), [
    ['batch-non-interactive:openai/gpt-4o-mini feature=nightly-digest', 600_000_000, '0.0006'],
    ['cache-writes-never-read:anthropic/claude-haiku-4-5 unattributed', 500_000_000, '0.0005'],
  ]);
  assert.match(recommendations[0]!.method, /× 30 \/ 15 day\(s\)/);
});
