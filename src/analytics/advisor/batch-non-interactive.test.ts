import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadShippedCatalog } from '../../catalog/load.ts';
import { detectBatchCandidates } from './batch-non-interactive.ts';
import { MINI, pricedRequest } from './test-requests.ts';

const offline = { attribution: { properties: { interactive: 'false' } } };

test('tagged or offline-named traffic is priced live against the catalog batch price; no batch price is unpriced', () => {
  const requests = [
    pricedRequest('tagged', { input: 10_000, output: 1_000 }, MINI, offline),
    // gpt-4o-mini's batch prices list no cache read: this request cannot be priced in batch.
    pricedRequest('tagged-cached', { input: 100, cacheRead: 1_000, output: 10 }, MINI, offline),
    pricedRequest('nightly', { input: 2_000, output: 500 }, MINI, { attribution: { feature: 'nightly-digest' } }),
    pricedRequest('interactive', { input: 2_000, output: 500 }, MINI, { attribution: { feature: 'chat', properties: { interactive: 'true' } } }),
    pricedRequest('failed', { input: 2_000 }, MINI, { ...offline, status: 500, errorClass: 'upstream_error' }),
  ];
  const findings = detectBatchCandidates({ requests, catalog: loadShippedCatalog() });
  assert.deepEqual(findings.map((finding) => [finding.subject, finding.observedSavingsPicoUsd, finding.evidence]), [
    // live 10,000 × 150,000 + 1,000 × 600,000 = 2,100,000,000; batch 10,000 × 75,000 + 1,000 × 300,000 = 1,050,000,000
    ['openai/gpt-4o-mini unattributed', 1_050_000_000n, { requests: 2, unpricedRequests: 1, exampleRequestIds: ['tagged', 'tagged-cached'] }],
    // live 2,000 × 150,000 + 500 × 600,000 = 600,000,000; batch half of it = 300,000,000
    ['openai/gpt-4o-mini feature=nightly-digest', 300_000_000n, { requests: 1, unpricedRequests: 0, exampleRequestIds: ['nightly'] }],
  ]);
});
