import assert from 'node:assert/strict';
import { test } from 'node:test';
import { stablePrefixTokens } from './stable-prefix.ts';
import type { PrefixBlock } from './types.ts';

const block = (section: PrefixBlock['section'], tokens: number, cached = false): PrefixBlock =>
  cached ? { location: section, section, tokens, cacheControl: { ttl: '5m' } } : { location: section, section, tokens };

test('the stable prefix is the leading tools and system blocks', () => {
  // 1,200 + 1,800 = 3,000; the later system block is not part of the prefix.
  assert.equal(stablePrefixTokens([block('system', 1200), block('tools', 1800), block('messages', 500), block('system', 40)]), 3000);
  assert.equal(stablePrefixTokens([block('messages', 500)]), 0);
});

test('a cache breakpoint extends the prefix through its block', () => {
  // 3,000 + 700 + 300 through the breakpoint on the third message block = 4,000.
  assert.equal(stablePrefixTokens([block('tools', 3000), block('messages', 700), block('messages', 300, true), block('messages', 800)]), 4000);
  assert.equal(stablePrefixTokens([block('tools', 3000, true), block('messages', 700)]), 3000);
});
