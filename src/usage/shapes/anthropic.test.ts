import { test } from 'node:test';
import assert from 'node:assert/strict';
import { encodeAnthropicUsage, normalizeAnthropicUsage } from './anthropic.ts';

test('input_tokens is exclusive; cache reads and writes sit beside it, split by TTL', () => {
  const usage = normalizeAnthropicUsage({
    input_tokens: 50,
    cache_creation_input_tokens: 3000,
    cache_read_input_tokens: 2000,
    cache_creation: { ephemeral_5m_input_tokens: 1000, ephemeral_1h_input_tokens: 2000 },
    output_tokens: 400,
    service_tier: 'standard',
  });
  assert.deepEqual(usage.buckets, { input: 50, cacheRead: 2000, cacheWrite5m: 1000, cacheWrite1h: 2000, output: 400, reasoning: 0 });
  assert.equal(usage.serviceTier, 'standard');
});

test('without the cache_creation split every write is a 5-minute write', () => {
  const usage = normalizeAnthropicUsage({ input_tokens: 5, cache_creation_input_tokens: 300, cache_read_input_tokens: 0, output_tokens: 1 });
  assert.equal(usage.buckets.cacheWrite5m, 300);
  assert.equal(usage.buckets.cacheWrite1h, 0);
});

test('a split that does not add up to cache_creation_input_tokens is rejected', () => {
  assert.throws(
    () =>
      normalizeAnthropicUsage({
        input_tokens: 5,
        output_tokens: 1,
        cache_creation_input_tokens: 300,
        cache_creation: { ephemeral_5m_input_tokens: 100, ephemeral_1h_input_tokens: 100 },
      }),
    /cache_creation \(5m 100 \+ 1h 100\) does not add up to cache_creation_input_tokens \(300\)/,
  );
});

test('thinking tokens reported inside output_tokens become the reasoning bucket', () => {
  // Recorded 2026 message_delta usage: output_tokens 106 of which thinking 67.
  const usage = normalizeAnthropicUsage({
    input_tokens: 28,
    cache_creation_input_tokens: 0,
    cache_read_input_tokens: 0,
    output_tokens: 106,
    output_tokens_details: { thinking_tokens: 67 },
  });
  assert.equal(usage.buckets.output, 39);
  assert.equal(usage.buckets.reasoning, 67);
  assert.throws(
    () => normalizeAnthropicUsage({ input_tokens: 1, output_tokens: 5, output_tokens_details: { thinking_tokens: 6 } }),
    /thinking_tokens \(6\) exceeds output_tokens \(5\)/,
  );
});

test('server tool use is reported as billable tool calls by kind', () => {
  const usage = normalizeAnthropicUsage({
    input_tokens: 1,
    output_tokens: 1,
    server_tool_use: { web_search_requests: 3, web_fetch_requests: 0 },
  });
  assert.deepEqual(usage.toolCalls, { web_search: 3 });
  // A counter Frugal does not know yet is kept under its own name (priced only if a fee of that name exists).
  const later = normalizeAnthropicUsage({
    input_tokens: 1,
    output_tokens: 1,
    server_tool_use: { web_fetch_requests: 2, code_execution_requests: 1 },
  });
  assert.deepEqual(later.toolCalls, { web_fetch: 2, code_execution: 1 });
});

test('encoding carries every bucket, with the write split and its total', () => {
  const buckets = { input: 1, cacheRead: 2, cacheWrite5m: 3, cacheWrite1h: 4, output: 5, reasoning: 6 };
  const usage = encodeAnthropicUsage(buckets);
  assert.equal(usage.cache_creation_input_tokens, 7);
  assert.deepEqual(usage.cache_creation, { ephemeral_5m_input_tokens: 3, ephemeral_1h_input_tokens: 4 });
  assert.equal(usage.output_tokens, 11);
  assert.deepEqual(normalizeAnthropicUsage(usage).buckets, buckets);
});
