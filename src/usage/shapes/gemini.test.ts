import { test } from 'node:test';
import assert from 'node:assert/strict';
import { encodeGeminiUsage, normalizeGeminiUsage } from './gemini.ts';

test('recorded usageMetadata: thoughts are outside candidates and become reasoning', () => {
  // generateContent fixture: prompt 7, candidates 149, thoughts 48, total 204 = 7 + 149 + 48.
  const usage = normalizeGeminiUsage({
    candidatesTokenCount: 149,
    promptTokenCount: 7,
    promptTokensDetails: [{ modality: 'TEXT', tokenCount: 7 }],
    thoughtsTokenCount: 48,
    totalTokenCount: 204,
  });
  assert.deepEqual(usage.buckets, { input: 7, cacheRead: 0, cacheWrite5m: 0, cacheWrite1h: 0, output: 149, reasoning: 48 });
});

test('cached content is inside promptTokenCount; tool-use prompt tokens are input beside it', () => {
  const usage = normalizeGeminiUsage({
    promptTokenCount: 10_000,
    cachedContentTokenCount: 8_000,
    toolUsePromptTokenCount: 500,
    candidatesTokenCount: 300,
    totalTokenCount: 10_800,
  });
  // input = 10,000 − 8,000 + 500 = 2,500
  assert.deepEqual(usage.buckets, { input: 2500, cacheRead: 8000, cacheWrite5m: 0, cacheWrite1h: 0, output: 300, reasoning: 0 });
});

test('a thinking-only answer without candidatesTokenCount has no visible output', () => {
  const usage = normalizeGeminiUsage({ promptTokenCount: 17, thoughtsTokenCount: 19, totalTokenCount: 36 });
  assert.equal(usage.buckets.output, 0);
  assert.equal(usage.buckets.reasoning, 19);
});

test('cached content above the prompt count is rejected', () => {
  assert.throws(
    () => normalizeGeminiUsage({ promptTokenCount: 10, cachedContentTokenCount: 11 }),
    /cachedContentTokenCount \(11\) exceeds promptTokenCount \(10\)/,
  );
});

test('encoding omits zero counts, as Gemini JSON does', () => {
  const usage = encodeGeminiUsage({ input: 17, cacheRead: 0, cacheWrite5m: 0, cacheWrite1h: 0, output: 0, reasoning: 19 });
  assert.deepEqual(usage, {
    promptTokenCount: 17,
    totalTokenCount: 36,
    promptTokensDetails: [{ modality: 'TEXT', tokenCount: 17 }],
    thoughtsTokenCount: 19,
  });
});
