import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadShippedCatalog } from '../../catalog/load.ts';
import { detectCacheWritesNeverRead } from './cache-writes-never-read.ts';
import { haikuRequest } from './test-requests.ts';

test('cache writes that nothing reads are priced at what they cost above plain input', () => {
  const summarize = { attribution: { feature: 'summarize' } };
  const chat = { attribution: { feature: 'chat' } };
  const requests = [
    haikuRequest('w1', { input: 200, cacheWrite5m: 5_000, output: 100 }, summarize),
    haikuRequest('w2', { input: 200, cacheWrite5m: 5_000, output: 100 }, summarize),
    haikuRequest('w3', { input: 200, cacheWrite5m: 5_000, output: 100 }, summarize),
    haikuRequest('plain', { input: 300, output: 100 }, summarize),
    // chat writes and later reads its prefix: nothing to recommend there.
    haikuRequest('c1', { input: 200, cacheWrite5m: 5_000 }, chat),
    haikuRequest('c2', { input: 200, cacheRead: 5_000 }, chat),
  ];
  const findings = detectCacheWritesNeverRead({ requests, catalog: loadShippedCatalog() });
  assert.equal(findings.length, 1);
  const [finding] = findings;
  assert.equal(finding!.subject, 'anthropic/claude-haiku-4-5 feature=summarize');
  // Per writer 5,000 × (1,250,000 − 1,000,000) = 1,250,000,000 pico-USD; × 3 writers = 3,750,000,000.
  assert.equal(finding!.observedSavingsPicoUsd, 3_750_000_000n);
  assert.deepEqual(finding!.evidence, {
    requests: 4, requestsWritingCache: 3, cacheWriteTokens: 15_000, cacheReadTokens: 0, unpricedRequests: 0,
    exampleRequestIds: ['w1', 'w2', 'w3'],
  });
});
