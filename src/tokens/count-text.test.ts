import assert from 'node:assert/strict';
import { test } from 'node:test';
import { countTextTokens } from './count-text.ts';

// Golden counts published in OpenAI's cookbook "How to count tokens with tiktoken" (sections 4 and 5).
test('counts OpenAI text exactly with the encoding of the model', () => {
  assert.equal(countTextTokens('tiktoken is great!', 'gpt-4o'), 6);
  assert.equal(countTextTokens('tiktoken is great!', 'gpt-4'), 6);
  // The cookbook's Japanese example: o200k_base 8 tokens, cl100k_base 9.
  assert.equal(countTextTokens('お誕生日おめでとう', 'gpt-4o'), 8);
  assert.equal(countTextTokens('お誕生日おめでとう', 'gpt-5-mini'), 8);
  assert.equal(countTextTokens('お誕生日おめでとう', 'gpt-3.5-turbo'), 9);
  assert.equal(countTextTokens('お誕生日おめでとう', 'text-embedding-3-small'), 9);
});

test('text that looks like a special token is ordinary text, not an error', () => {
  assert.ok(countTextTokens('<|endoftext|>', 'gpt-4o') > 1);
});

test('estimates Claude text as o200k_base × 1.11, rounded', () => {
  // "The quick brown fox jumps over the lazy dog." is 10 o200k_base tokens; 10 × 1.11 = 11.1 → 11.
  assert.equal(countTextTokens('The quick brown fox jumps over the lazy dog.', 'gpt-4o'), 10);
  assert.equal(countTextTokens('The quick brown fox jumps over the lazy dog.', 'claude-sonnet-4-5'), 11);
  // Gemini's factor is 1 (its countTokens reported partTokens 10 for this sentence).
  assert.equal(countTextTokens('The quick brown fox jumps over the lazy dog.', 'gemini-2.5-flash'), 10);
});

test('memoized long texts keep their own counts', () => {
  const text = 'Refunds are issued to the original payment method within five business days.\n'.repeat(40);
  const longer = `${text}Store credit is issued instantly.`;
  const first = countTextTokens(text, 'gpt-4o');
  const second = countTextTokens(longer, 'gpt-4o');
  assert.ok(second > first);
  assert.equal(countTextTokens(text, 'gpt-4o'), first);
  assert.equal(countTextTokens(longer, 'gpt-4o'), second);
  assert.equal(countTextTokens(text, 'gpt-4'), countTextTokens(text, 'gpt-4'));
});

test('counts stay right after the memo has turned over many times', () => {
  const text = 'Orders are dispatched from the Portland warehouse within 1 business day.';
  const before = countTextTokens(text, 'gpt-4o');
  for (let index = 0; index < 20_000; index++) countTextTokens(`order ${index}`, 'gpt-4o');
  assert.equal(countTextTokens(text, 'gpt-4o'), before);
});
