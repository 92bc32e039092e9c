import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createClock } from '../clock.ts';
import { simulateAnthropicCache } from './anthropic-prompt-cache.ts';
import { PrefixCacheStore } from './prefix-cache-store.ts';
import { blocksOf } from './test-blocks.ts';

const MINUTE = 60_000;

test('a breakpoint writes its prefix on the first call and reads it on the next', () => {
  const store = new PrefixCacheStore(100);
  const blocks = blocksOf([['system', 2000, '5m'], ['question', 50]]);
  assert.deepEqual(simulateAnthropicCache(blocks, store, 1024, 0), {
    inputTokens: 50,
    cacheReadTokens: 0,
    cacheWrite5mTokens: 2000,
    cacheWrite1hTokens: 0,
  });
  assert.deepEqual(simulateAnthropicCache(blocks, store, 1024, 1000), {
    inputTokens: 50,
    cacheReadTokens: 2000,
    cacheWrite5mTokens: 0,
    cacheWrite1hTokens: 0,
  });
});

test('a 5-minute entry expires after 5 minutes unless a hit refreshes it', () => {
  const clock = createClock({ start: 0 });
  const store = new PrefixCacheStore(100);
  const blocks = blocksOf([['system', 1500, '5m'], ['question', 10]]);
  simulateAnthropicCache(blocks, store, 1024, clock.now());
  clock.advance(4 * MINUTE);
  assert.equal(simulateAnthropicCache(blocks, store, 1024, clock.now()).cacheReadTokens, 1500, 'hit at 4 min');
  clock.advance(4 * MINUTE);
  // 8 minutes after the write, but only 4 after the refreshing hit.
  assert.equal(simulateAnthropicCache(blocks, store, 1024, clock.now()).cacheReadTokens, 1500, 'hit at 8 min');
  clock.advance(5 * MINUTE);
  const expired = simulateAnthropicCache(blocks, store, 1024, clock.now());
  assert.equal(expired.cacheReadTokens, 0);
  assert.equal(expired.cacheWrite5mTokens, 1500, 'written again after expiry');
});

test('a 1-hour breakpoint outlives a 5-minute one', () => {
  const clock = createClock({ start: 0 });
  const store = new PrefixCacheStore(100);
  // tools+system (3000 tokens) for 1 h, the conversation so far (+1000) for 5 min.
  const blocks = blocksOf([['system', 3000, '1h'], ['history', 1000, '5m'], ['question', 20]]);
  assert.deepEqual(simulateAnthropicCache(blocks, store, 1024, clock.now()), {
    inputTokens: 20,
    cacheReadTokens: 0,
    cacheWrite5mTokens: 1000,
    cacheWrite1hTokens: 3000,
  });
  clock.advance(30 * MINUTE);
  // The 5-minute prefix is gone; the 1-hour prefix is read and the history written again.
  assert.deepEqual(simulateAnthropicCache(blocks, store, 1024, clock.now()), {
    inputTokens: 20,
    cacheReadTokens: 3000,
    cacheWrite5mTokens: 1000,
    cacheWrite1hTokens: 0,
  });
});

test('a prefix below the model minimum is never cached', () => {
  const store = new PrefixCacheStore(100);
  const blocks = blocksOf([['short system', 900, '5m'], ['question', 30]]);
  const expected = { inputTokens: 930, cacheReadTokens: 0, cacheWrite5mTokens: 0, cacheWrite1hTokens: 0 };
  assert.deepEqual(simulateAnthropicCache(blocks, store, 1024, 0), expected);
  assert.deepEqual(simulateAnthropicCache(blocks, store, 1024, 1), expected);
  // The same prompt is cacheable for a model whose minimum is lower.
  assert.equal(simulateAnthropicCache(blocks, new PrefixCacheStore(100), 512, 0).cacheWrite5mTokens, 900);
});

test('more than four breakpoints is an invalid request', () => {
  const blocks = blocksOf([['a', 10, '5m'], ['b', 10, '5m'], ['c', 10, '5m'], ['d', 10, '5m'], ['e', 10, '5m']]);
  assert.throws(() => simulateAnthropicCache(blocks, new PrefixCacheStore(10), 1, 0), {
    code: 'FRUGAL_INVALID_REQUEST',
    message: 'A maximum of 4 blocks with cache_control may be provided. Found 5.',
  });
});

test('the lookup walks back from a moved breakpoint to the prefix cached on the previous turn', () => {
  const store = new PrefixCacheStore(100);
  const turn1 = blocksOf([['system', 1200], ['user 1', 300, '5m']]);
  assert.equal(simulateAnthropicCache(turn1, store, 1024, 0).cacheWrite5mTokens, 1500);
  // Next turn: the breakpoint moved to the new last message; 1,500 tokens are read,
  // the assistant reply and the new question (200 + 100) are written.
  const turn2 = blocksOf([['system', 1200], ['user 1', 300], ['assistant 1', 200], ['user 2', 100, '5m']]);
  assert.deepEqual(simulateAnthropicCache(turn2, store, 1024, 1000), {
    inputTokens: 0,
    cacheReadTokens: 1500,
    cacheWrite5mTokens: 300,
    cacheWrite1hTokens: 0,
  });
});

test('a changed system prompt misses the cache', () => {
  const store = new PrefixCacheStore(100);
  simulateAnthropicCache(blocksOf([['system v1', 2000, '5m'], ['q', 10]]), store, 1024, 0);
  assert.equal(simulateAnthropicCache(blocksOf([['system v2', 2000, '5m'], ['q', 10]]), store, 1024, 1).cacheReadTokens, 0);
});
