import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadShippedCatalog } from '../../catalog/load.ts';
import { detectReasoningOnShortRequests } from './reasoning-on-short-requests.ts';
import { pricedRequest } from './test-requests.ts';

/** gpt-4o prices: reasoning billed like output, $10/M = 10,000,000 pico-USD per token. */
const GPT_4O = { input: 2_500_000, output: 10_000_000, reasoning: 10_000_000 };
const on4o = { modelRequested: 'gpt-4o', modelServed: 'gpt-4o', route: 'classify' };

test('only reasoning on short prompts with short answers counts, at the reasoning price paid', () => {
  const requests = [
    pricedRequest('short-1', { input: 500, output: 50, reasoning: 1_000 }, GPT_4O, on4o),
    pricedRequest('short-2', { input: 1_500, output: 200, reasoning: 300 }, GPT_4O, on4o),
    pricedRequest('long-prompt', { input: 5_000, output: 50, reasoning: 2_000 }, GPT_4O, on4o),
    pricedRequest('long-answer', { input: 100, output: 900, reasoning: 500 }, GPT_4O, on4o),
    pricedRequest('no-reasoning', { input: 100, output: 20 }, GPT_4O, on4o),
  ];
  const [finding, ...rest] = detectReasoningOnShortRequests({ requests, catalog: loadShippedCatalog() });
  assert.equal(rest.length, 0);
  assert.equal(finding!.subject, 'openai/gpt-4o route=classify');
  // (1,000 + 300) reasoning tokens × 10,000,000 = 13,000,000,000 pico-USD
  assert.equal(finding!.observedSavingsPicoUsd, 13_000_000_000n);
  assert.deepEqual(finding!.evidence, { requests: 2, reasoningTokens: 1_300, unpricedRequests: 0, exampleRequestIds: ['short-1', 'short-2'] });
});
