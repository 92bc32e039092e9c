import { test } from 'node:test';
import assert from 'node:assert/strict';
import { encodeDeepSeekUsage, normalizeDeepSeekUsage } from './deepseek.ts';

test('cache hits are reads and misses are input; reasoner reasoning comes out of completion_tokens', () => {
  const usage = normalizeDeepSeekUsage({
    prompt_tokens: 1000,
    completion_tokens: 900,
    total_tokens: 1900,
    prompt_tokens_details: { cached_tokens: 768 },
    prompt_cache_hit_tokens: 768,
    prompt_cache_miss_tokens: 232,
    completion_tokens_details: { reasoning_tokens: 700 },
  });
  assert.deepEqual(usage.buckets, { input: 232, cacheRead: 768, cacheWrite5m: 0, cacheWrite1h: 0, output: 200, reasoning: 700 });
});

test('hit + miss must equal prompt_tokens', () => {
  assert.throws(
    () => normalizeDeepSeekUsage({ prompt_tokens: 1000, completion_tokens: 1, prompt_cache_hit_tokens: 500, prompt_cache_miss_tokens: 400 }),
    /prompt_cache_hit_tokens \(500\) \+ prompt_cache_miss_tokens \(400\) do not add up to prompt_tokens \(1000\)/,
  );
  assert.throws(
    () => normalizeDeepSeekUsage({ prompt_tokens: 10, completion_tokens: 1, prompt_cache_hit_tokens: 11 }),
    /prompt_cache_hit_tokens \(11\) exceeds prompt_tokens \(10\)/,
  );
});

test('encoding reports writes as misses and the hit count twice, as DeepSeek does', () => {
  const usage = encodeDeepSeekUsage({ input: 100, cacheRead: 50, cacheWrite5m: 10, cacheWrite1h: 0, output: 20, reasoning: 0 });
  assert.equal(usage.prompt_tokens, 160);
  assert.equal(usage.prompt_cache_miss_tokens, 110);
  assert.equal(usage.prompt_cache_hit_tokens, 50);
  assert.equal(usage.prompt_tokens_details.cached_tokens, 50);
  assert.equal(usage.completion_tokens_details, undefined);
});
