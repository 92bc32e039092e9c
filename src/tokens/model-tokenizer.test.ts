import assert from 'node:assert/strict';
import { test } from 'node:test';
import { tokenizerForModel } from './model-tokenizer.ts';

test('chooses the encoding of each OpenAI model family', () => {
  for (const model of ['gpt-4o', 'gpt-4o-mini-2024-07-18', 'gpt-4.1-nano', 'gpt-4.5-preview', 'gpt-5', 'gpt-5-mini', 'o1', 'o3-mini', 'o4-mini', 'chatgpt-4o-latest', 'openai/gpt-4.1', 'ft:gpt-4o-mini:acme::abc']) {
    assert.deepEqual(tokenizerForModel(model), { family: 'openai', encoding: 'o200k_base', exact: true, factor: 1 }, model);
  }
  for (const model of ['gpt-4', 'gpt-4-0613', 'gpt-4-turbo', 'gpt-3.5-turbo', 'text-embedding-3-large', 'text-embedding-ada-002']) {
    assert.deepEqual(tokenizerForModel(model), { family: 'openai', encoding: 'cl100k_base', exact: true, factor: 1 }, model);
  }
});

test('estimates every other model from o200k_base', () => {
  assert.equal(tokenizerForModel('claude-haiku-4-5').family, 'anthropic');
  assert.equal(tokenizerForModel('anthropic/claude-3.5-sonnet').family, 'anthropic');
  assert.equal(tokenizerForModel('gemini-2.5-flash').family, 'gemini');
  assert.equal(tokenizerForModel('deepseek-chat').family, 'other');
  assert.equal(tokenizerForModel('gpt-oss-120b').family, 'other');
  for (const model of ['claude-haiku-4-5', 'gemini-2.5-flash', 'deepseek-chat']) {
    assert.equal(tokenizerForModel(model).exact, false);
    assert.equal(tokenizerForModel(model).encoding, 'o200k_base');
  }
});
