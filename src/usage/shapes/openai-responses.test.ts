import { test } from 'node:test';
import assert from 'node:assert/strict';
import { encodeOpenAIResponsesUsage, normalizeOpenAIResponsesUsage } from './openai-responses.ts';

test('cached and reasoning tokens come out of input_tokens and output_tokens', () => {
  const usage = normalizeOpenAIResponsesUsage({
    input_tokens: 1200,
    input_tokens_details: { cached_tokens: 1024 },
    output_tokens: 300,
    output_tokens_details: { reasoning_tokens: 256 },
    total_tokens: 1500,
  });
  assert.deepEqual(usage.buckets, { input: 176, cacheRead: 1024, cacheWrite5m: 0, cacheWrite1h: 0, output: 44, reasoning: 256 });
  assert.equal(usage.format, 'openai-responses');
});

test('inconsistent details are rejected by field path', () => {
  assert.throws(
    () => normalizeOpenAIResponsesUsage({ input_tokens: 10, output_tokens: 0, input_tokens_details: { cached_tokens: 11 } }),
    /input_tokens_details\.cached_tokens \(11\) exceeds input_tokens \(10\)/,
  );
  assert.throws(
    () => normalizeOpenAIResponsesUsage({ input_tokens: 10, output_tokens: 3, output_tokens_details: { reasoning_tokens: 4 } }),
    /output_tokens_details\.reasoning_tokens \(4\) exceeds output_tokens \(3\)/,
  );
  assert.throws(() => normalizeOpenAIResponsesUsage({ input_tokens: 10 }), /output_tokens .* is missing/);
});

test('encoding gives the shape the Responses API reports', () => {
  assert.deepEqual(encodeOpenAIResponsesUsage({ input: 10, cacheRead: 0, cacheWrite5m: 0, cacheWrite1h: 0, output: 2, reasoning: 0 }), {
    input_tokens: 10,
    input_tokens_details: { cached_tokens: 0 },
    output_tokens: 2,
    output_tokens_details: { reasoning_tokens: 0 },
    total_tokens: 12,
  });
});
