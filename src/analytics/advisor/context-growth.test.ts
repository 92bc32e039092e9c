import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadShippedCatalog } from '../../catalog/load.ts';
import { detectContextGrowth } from './context-growth.ts';
import { MINI, pricedRequest } from './test-requests.ts';

const turn = (id: string, session: string, minute: number, tokens: { input: number; cacheRead?: number }) =>
  pricedRequest(id, { ...tokens, output: 50 }, MINI, { attribution: { session }, startedAt: Date.UTC(2026, 8, 1, 10, minute) });

test('a session whose prompt grows every turn can trim each later turn back to its first prompt', () => {
  const requests = [
    turn('g1', 'growing', 0, { input: 1_000 }),
    turn('g2', 'growing', 1, { input: 1_600 }),
    turn('g3', 'growing', 2, { input: 500, cacheRead: 2_000 }),
    turn('f1', 'flat', 0, { input: 1_000 }),
    turn('f2', 'flat', 1, { input: 800 }),
    turn('f3', 'flat', 2, { input: 1_200 }),
    turn('t1', 'too-short', 0, { input: 100 }),
    turn('t2', 'too-short', 1, { input: 900 }),
  ];
  const [finding, ...rest] = detectContextGrowth({ requests, catalog: loadShippedCatalog() });
  assert.equal(rest.length, 0);
  // g2: min(1,600 input, 1,600 − 1,000) = 600; g3: min(500 input, 2,500 − 1,000) = 500; 1,100 tokens × 150,000 = 165,000,000
  assert.equal(finding!.observedSavingsPicoUsd, 165_000_000n);
  assert.deepEqual(finding!.evidence, { sessions: 1, requests: 3, trimmableInputTokens: 1_100, unpricedRequests: 0, exampleRequestIds: ['g3'] });
});
