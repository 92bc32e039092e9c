import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEEPSEEK_CACHE_POLICY, geminiCachePolicy, openaiCachePolicy } from './automatic-cache-policies.ts';
import { simulateAutomaticCache } from './automatic-prefix-cache.ts';
import { PrefixCacheStore } from './prefix-cache-store.ts';
import { PromptCacheRegistry } from './prompt-cache-registry.ts';
import { blocksOf } from './test-blocks.ts';

const OPENAI = openaiCachePolicy(undefined);

test('OpenAI reports cached tokens in 128-token steps from 1,024', () => {
  const store = new PrefixCacheStore(100);
  const first = blocksOf([['system', 1300], ['question one', 40]]);
  assert.deepEqual(simulateAutomaticCache(first, store, OPENAI, 0), { promptTokens: 1340, cachedTokens: 0 });
  // Same 1,300-token system prompt, new question: 1,300 matched → 10 × 128 = 1,280 cached.
  const second = blocksOf([['system', 1300], ['question two', 60]]);
  assert.deepEqual(simulateAutomaticCache(second, store, OPENAI, 1000), { promptTokens: 1360, cachedTokens: 1280 });
});

test('OpenAI never caches prompts under 1,024 tokens', () => {
  const store = new PrefixCacheStore(100);
  const prompt = blocksOf([['system', 1000], ['question', 20]]);
  simulateAutomaticCache(prompt, store, OPENAI, 0);
  assert.equal(simulateAutomaticCache(prompt, store, OPENAI, 1).cachedTokens, 0);
});

test('OpenAI prefixes expire after 10 idle minutes; 24 h retention keeps them', () => {
  const prompt = blocksOf([['system', 2048], ['question', 10]]);
  const store = new PrefixCacheStore(100);
  simulateAutomaticCache(prompt, store, OPENAI, 0);
  assert.equal(simulateAutomaticCache(prompt, store, OPENAI, 11 * 60_000).cachedTokens, 0);
  const retained = new PrefixCacheStore(100);
  const extended = openaiCachePolicy('24h');
  simulateAutomaticCache(prompt, retained, extended, 0);
  // 2,058 matched → 16 × 128 = 2,048.
  assert.equal(simulateAutomaticCache(prompt, retained, extended, 11 * 60_000).cachedTokens, 2048);
});

test('caches are separate per API key and per prompt_cache_key', () => {
  const registry = new PromptCacheRegistry();
  const prompt = blocksOf([['system', 1500], ['question', 10]]);
  simulateAutomaticCache(prompt, registry.store('key-a', 'gpt-4o', 'tenant-1'), OPENAI, 0);
  // 1,510 matched → 11 × 128 = 1,408 cached, for the same key and cache key only.
  assert.equal(simulateAutomaticCache(prompt, registry.store('key-a', 'gpt-4o', 'tenant-1'), OPENAI, 1).cachedTokens, 1408);
  assert.equal(simulateAutomaticCache(prompt, registry.store('key-a', 'gpt-4o', 'tenant-2'), OPENAI, 1).cachedTokens, 0);
  assert.equal(simulateAutomaticCache(prompt, registry.store('key-b', 'gpt-4o', 'tenant-1'), OPENAI, 1).cachedTokens, 0);
});

test('DeepSeek counts hits in 64-token units', () => {
  const store = new PrefixCacheStore(100);
  simulateAutomaticCache(blocksOf([['system', 200], ['q1', 30]]), store, DEEPSEEK_CACHE_POLICY, 0);
  // 200 matched → 3 × 64 = 192 hit tokens; the other 48 of 240 are misses.
  assert.deepEqual(simulateAutomaticCache(blocksOf([['system', 200], ['q2', 40]]), store, DEEPSEEK_CACHE_POLICY, 1), {
    promptTokens: 240,
    cachedTokens: 192,
  });
});

test('Gemini implicit caching reports the whole matched prefix from the model minimum', () => {
  const store = new PrefixCacheStore(100);
  const policy = geminiCachePolicy(2048);
  simulateAutomaticCache(blocksOf([['system', 2100], ['q1', 30]]), store, policy, 0);
  assert.equal(simulateAutomaticCache(blocksOf([['system', 2100], ['q2', 5]]), store, policy, 1).cachedTokens, 2100);
});

test('the store evicts the least recently used prefix beyond its bound', () => {
  const store = new PrefixCacheStore(2);
  store.write(1, 100, 60_000, 0);
  store.write(2, 100, 60_000, 0);
  store.refresh(1, store.lookup(1, 0)!, 0);
  store.write(3, 100, 60_000, 0);
  assert.equal(store.lookup(2, 1), undefined, 'least recently used is gone');
  assert.notEqual(store.lookup(1, 1), undefined);
  assert.equal(store.size, 2);
});
