import { test } from 'node:test';
import assert from 'node:assert/strict';
import { encodeOpenAIChatUsage, normalizeOpenAIChatUsage } from './openai-chat.ts';

test('cached tokens come out of prompt_tokens and reasoning out of completion_tokens', () => {
  const raw = {
    prompt_tokens: 5300,
    completion_tokens: 1400,
    total_tokens: 6700,
    prompt_tokens_details: { cached_tokens: 3000, audio_tokens: 0 },
    completion_tokens_details: { reasoning_tokens: 1000, audio_tokens: 0 },
  };
  const usage = normalizeOpenAIChatUsage(raw, 'flex');
  // input 5300 − 3000 cached = 2300; output 1400 − 1000 reasoning = 400
  assert.deepEqual(usage.buckets, { input: 2300, cacheRead: 3000, cacheWrite5m: 0, cacheWrite1h: 0, output: 400, reasoning: 1000 });
  assert.equal(usage.raw, raw);
  assert.equal(usage.serviceTier, 'flex');
  assert.equal(usage.format, 'openai');
});

test('the recorded final stream chunk (no details objects) is all uncached input and visible output', () => {
  const usage = normalizeOpenAIChatUsage({ prompt_tokens: 17, completion_tokens: 10, total_tokens: 27 });
  assert.deepEqual(usage.buckets, { input: 17, cacheRead: 0, cacheWrite5m: 0, cacheWrite1h: 0, output: 10, reasoning: 0 });
});

test('null details objects read as zero', () => {
  const usage = normalizeOpenAIChatUsage({ prompt_tokens: 5, completion_tokens: 2, prompt_tokens_details: null, completion_tokens_details: null });
  assert.equal(usage.buckets.input, 5);
});

test('audio and predicted-output tokens stay inside input and output', () => {
  const usage = normalizeOpenAIChatUsage({
    prompt_tokens: 100,
    completion_tokens: 50,
    prompt_tokens_details: { cached_tokens: 0, audio_tokens: 40 },
    completion_tokens_details: { reasoning_tokens: 0, audio_tokens: 30, rejected_prediction_tokens: 5 },
  });
  assert.equal(usage.buckets.input, 100);
  assert.equal(usage.buckets.output, 50);
});

test('cached tokens above prompt_tokens are rejected, naming both fields', () => {
  assert.throws(
    () => normalizeOpenAIChatUsage({ prompt_tokens: 100, completion_tokens: 1, prompt_tokens_details: { cached_tokens: 120 } }),
    (error: Error & { code?: string; details?: Record<string, unknown> }) =>
      error.code === 'FRUGAL_INVALID_USAGE' &&
      /prompt_tokens_details\.cached_tokens \(120\) exceeds prompt_tokens \(100\)/.test(error.message) &&
      error.details?.['field'] === 'prompt_tokens_details.cached_tokens',
  );
});

test('reasoning above completion_tokens is rejected', () => {
  assert.throws(
    () => normalizeOpenAIChatUsage({ prompt_tokens: 1, completion_tokens: 10, completion_tokens_details: { reasoning_tokens: 11 } }),
    /completion_tokens_details\.reasoning_tokens \(11\) exceeds completion_tokens \(10\)/,
  );
});

test('negative, fractional, string and missing counts are rejected by field name', () => {
  assert.throws(() => normalizeOpenAIChatUsage({ prompt_tokens: -1, completion_tokens: 0 }), /usage field prompt_tokens .* got -1/);
  assert.throws(() => normalizeOpenAIChatUsage({ prompt_tokens: 1.5, completion_tokens: 0 }), /prompt_tokens .* got 1\.5/);
  assert.throws(() => normalizeOpenAIChatUsage({ prompt_tokens: '7', completion_tokens: 0 }), /prompt_tokens .* got "7"/);
  assert.throws(() => normalizeOpenAIChatUsage({ prompt_tokens: 7 }), /completion_tokens .* is missing/);
  assert.throws(
    () => normalizeOpenAIChatUsage({ prompt_tokens: 7, completion_tokens: 1, prompt_tokens_details: { cached_tokens: 2 ** 53 } }),
    /prompt_tokens_details\.cached_tokens must be a non-negative integer/,
  );
});

test('encoding folds cache writes into uncached prompt tokens, since OpenAI has no write fields', () => {
  const usage = encodeOpenAIChatUsage({ input: 10, cacheRead: 20, cacheWrite5m: 30, cacheWrite1h: 40, output: 5, reasoning: 7 });
  assert.equal(usage.prompt_tokens, 100);
  assert.equal(usage.prompt_tokens_details?.cached_tokens, 20);
  assert.equal(usage.completion_tokens, 12);
  assert.equal(usage.completion_tokens_details?.reasoning_tokens, 7);
  assert.equal(usage.total_tokens, 112);
  assert.deepEqual(normalizeOpenAIChatUsage(usage).buckets, { input: 80, cacheRead: 20, cacheWrite5m: 0, cacheWrite1h: 0, output: 5, reasoning: 7 });
});
