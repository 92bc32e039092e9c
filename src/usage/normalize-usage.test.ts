import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectUsageFormat } from './detect-format.ts';
import { normalizeUsage } from './normalize-usage.ts';

test('the format is told by the object\'s own fields', () => {
  assert.equal(detectUsageFormat({ prompt_tokens: 1, completion_tokens: 1 }), 'openai');
  assert.equal(detectUsageFormat({ prompt_tokens: 1, completion_tokens: 1, prompt_cache_hit_tokens: 0 }), 'deepseek');
  assert.equal(detectUsageFormat({ input_tokens: 1, output_tokens: 1, total_tokens: 2 }), 'openai-responses');
  assert.equal(detectUsageFormat({ input_tokens: 1, output_tokens: 1, cache_read_input_tokens: 0 }), 'anthropic');
  assert.equal(detectUsageFormat({ input_tokens: 1, output_tokens: 1, output_tokens_details: { thinking_tokens: 0 }, cache_read_input_tokens: 0 }), 'anthropic');
  assert.equal(detectUsageFormat({ promptTokenCount: 1 }), 'gemini');
  assert.equal(detectUsageFormat({ input: 1, cacheRead: 2 }), 'frugal');
  assert.equal(detectUsageFormat({ tokens: 1 }), undefined);
});

test('a whole response body is unwrapped, keeping OpenAI\'s echoed service tier', () => {
  const usage = normalizeUsage({
    object: 'chat.completion',
    service_tier: 'priority',
    usage: { prompt_tokens: 10, completion_tokens: 2, total_tokens: 12 },
  });
  assert.equal(usage.format, 'openai');
  assert.equal(usage.serviceTier, 'priority');
  assert.equal(normalizeUsage({ candidates: [], usageMetadata: { promptTokenCount: 3 } }).format, 'gemini');
  assert.equal(normalizeUsage({ object: 'response', usage: { input_tokens: 1, output_tokens: 1 } }).format, 'openai-responses');
});

test('an explicit format overrides detection, and is still validated', () => {
  assert.equal(normalizeUsage({ input_tokens: 1, output_tokens: 1 }, 'openai-responses').format, 'openai-responses');
  assert.throws(() => normalizeUsage({ input: 1 }, 'openai'), /usage field prompt_tokens .* is missing/);
});

test('an object of no known format lists its fields and the formats expected', () => {
  assert.throws(
    () => normalizeUsage({ tokens: 5 }),
    (error: Error & { code?: string }) =>
      error.code === 'FRUGAL_INVALID_USAGE' && /fields: tokens/.test(error.message) && /openai, openai-responses, anthropic/.test(error.message),
  );
  assert.throws(() => normalizeUsage('12'), /usage field usage must be an object, got "12"/);
});
