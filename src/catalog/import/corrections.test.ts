/**
 * One test per correction: the raw snapshot has the wrong (or missing) value and the
 * committed catalog the right one. Figures are USD per million tokens.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { multiplyDecimal } from '../decimal.ts';
import { loadShippedCatalog } from '../load.ts';
import { CORRECTIONS } from './corrections.ts';
import { DEFAULT_SNAPSHOT_PATH, readSnapshot } from './read-snapshot.ts';

const { records: raw } = await readSnapshot(DEFAULT_SNAPSHOT_PATH);
const catalog = loadShippedCatalog();
const entry = (provider: string, model: string) => catalog.resolve(model, { provider });

test('every correction has a test below', () => {
  assert.deepEqual(CORRECTIONS.map((correction) => correction.name), [
    'anthropic-claude-3-haiku-1h-write',
    'anthropic-claude-3-opus-1h-write',
    'anthropic-missing-cache-writes',
    'openai-gpt-5-nano-priority',
    'openai-gpt-5-family-batch',
    'openai-gpt-5.5-priority',
    'anthropic-batch-discount',
    'anthropic-long-context-batch',
    'openai-long-context-modes',
    'anthropic-web-search-fees',
    'openai-ft-gpt-4o-2024-11-20-cache-read',
    'openrouter-gemini-3-pro-long-context-write',
    'anthropic-prompt-cache-minimums',
    'openai-prompt-cache-minimum',
    'gemini-implicit-cache-minimum',
  ]);
});

test('anthropic-claude-3-haiku-1h-write: 1-hour write is 2 × $0.25 input = $0.50', () => {
  assert.equal(raw['claude-3-haiku-20240307']!.cache_creation_input_token_cost_above_1hr, 6e-6);
  assert.equal(entry('anthropic', 'claude-3-haiku-20240307').prices.live.cacheWrite1h, '0.5');
});

test('anthropic-claude-3-opus-1h-write: 1-hour write is 2 × $15 input = $30', () => {
  assert.equal(raw['claude-3-opus-20240229']!.cache_creation_input_token_cost_above_1hr, 6e-6);
  assert.equal(entry('anthropic', 'claude-3-opus-20240229').prices.live.cacheWrite1h, '30');
});

test('anthropic-missing-cache-writes: claude-4 aliases get 1-hour writes of 2 × input', () => {
  for (const [model, input, write] of [['claude-4-opus-20250514', '15', '30'], ['claude-4-sonnet-20250514', '3', '6']] as const) {
    assert.equal(raw[model]!.cache_creation_input_token_cost_above_1hr, undefined);
    const prices = entry('anthropic', model).prices.live;
    assert.equal(prices.input, input);
    assert.equal(prices.cacheWrite1h, write);
    assert.match(entry('anthropic', model).source ?? '', /anthropic-missing-cache-writes/);
  }
});

test('openai-gpt-5-nano-priority: the 50 × priority price is gone (priority is unpriced)', () => {
  assert.equal(raw['gpt-5-nano']!.input_cost_per_token_priority, 2.5e-6);
  assert.equal(entry('openai', 'gpt-5-nano').prices.priority, undefined);
});

test('openai-gpt-5-family-batch: batch is 0.5 × live', () => {
  for (const model of ['gpt-5', 'gpt-5-mini', 'gpt-5-nano', 'gpt-5.1', 'gpt-5.2', 'o3', 'o4-mini']) {
    assert.equal(raw[model]!.input_cost_per_token_batches, undefined, model);
  }
  // gpt-5: input 1.25 × 0.5 = 0.625, cached 0.125 × 0.5 = 0.0625, output 10 × 0.5 = 5.
  assert.deepEqual(entry('openai', 'gpt-5').prices.batch, { input: '0.625', cacheRead: '0.0625', output: '5' });
  // gpt-5-nano: 0.05 → 0.025, 0.005 → 0.0025, 0.4 → 0.2.
  assert.deepEqual(entry('openai', 'gpt-5-nano').prices.batch, { input: '0.025', cacheRead: '0.0025', output: '0.2' });
  // o4-mini: 1.1 → 0.55, 0.275 → 0.1375, 4.4 → 2.2.
  assert.deepEqual(entry('openai', 'o4-mini-2025-04-16').prices.batch, { input: '0.55', cacheRead: '0.1375', output: '2.2' });
});

test('openai-gpt-5.5-priority: priority is 2.5 × live ($12.50 / $1.25 / $75)', () => {
  assert.equal(raw['gpt-5.5']!.input_cost_per_token_priority, 1e-5);
  assert.deepEqual(entry('openai', 'gpt-5.5').prices.priority, { input: '12.5', cacheRead: '1.25', output: '75' });
  assert.deepEqual(entry('openai', 'gpt-5.5-2026-04-23').prices.priority, { input: '12.5', cacheRead: '1.25', output: '75' });
});

test('anthropic-batch-discount: every bucket at half the live price', () => {
  assert.equal(raw['claude-sonnet-4-5']!.input_cost_per_token_batches, undefined);
  // 3 → 1.5, 0.3 → 0.15, 3.75 → 1.875, 6 → 3, 15 → 7.5.
  assert.deepEqual(entry('anthropic', 'claude-sonnet-4-5').prices.batch, {
    input: '1.5', cacheRead: '0.15', cacheWrite5m: '1.875', cacheWrite1h: '3', output: '7.5',
  });
});

test('anthropic-long-context-batch: above 200k, batch is half the tier\'s live price', () => {
  assert.equal(raw['claude-sonnet-4-5']!.input_cost_per_token_above_200k_tokens_batches, undefined);
  // Tier live 6 / 0.6 / 7.5 / 12 / 22.5 → batch 3 / 0.3 / 3.75 / 6 / 11.25.
  assert.deepEqual(entry('anthropic', 'claude-sonnet-4-5').longContext?.[0]?.prices.batch, {
    input: '3', cacheRead: '0.3', cacheWrite5m: '3.75', cacheWrite1h: '6', output: '11.25',
  });
});

test('openai-long-context-modes: above 272k, every mode gets the long-context multipliers', () => {
  assert.equal(raw['gpt-5.4']!.input_cost_per_token_above_272k_tokens_batches, undefined);
  assert.equal(raw['gpt-5.4']!.input_cost_per_token_above_272k_tokens_priority, undefined);
  const gpt = entry('openai', 'gpt-5.4');
  const tier = gpt.longContext?.[0]?.prices;
  // Multipliers: input 5 / 2.5 = 2, cached 0.5 / 0.25 = 2, output 22.5 / 15 = 1.5.
  // Batch 1.25 × 2 = 2.5 and 7.5 × 1.5 = 11.25: half the tier's live 5 and 22.5. No batch cached-input
  // price at base, so none above the threshold either (unpriced, never the cheaper base price).
  assert.deepEqual(tier?.batch, { input: '2.5', output: '11.25' });
  for (const bucket of ['input', 'output'] as const) assert.equal(tier?.batch?.[bucket], multiplyDecimal(tier!.live[bucket]!, '0.5'));
  // Flex 1.25 × 2, 0.13 × 2, 7.5 × 1.5; priority 5 × 2, 0.5 × 2, 30 × 1.5.
  assert.deepEqual(tier?.flex, { input: '2.5', cacheRead: '0.26', output: '11.25' });
  assert.deepEqual(tier?.priority, { input: '10', cacheRead: '1', output: '45' });
  // gpt-5.5 priority is 2.5 × live after its own correction: 12.5 × 2 = 25, 1.25 × 2 = 2.5, 75 × 1.5 = 112.5.
  assert.deepEqual(entry('openai', 'gpt-5.5').longContext?.[0]?.prices.priority, { input: '25', cacheRead: '2.5', output: '112.5' });
  // gpt-5.4-pro has no priority processing: none above the threshold either.
  assert.equal(entry('openai', 'gpt-5.4-pro').longContext?.[0]?.prices.priority, undefined);
});

test('anthropic-web-search-fees: $10 per 1,000 searches, web fetch free, under the kinds the usage reports', () => {
  assert.equal(raw['claude-haiku-4-5']!.search_context_cost_per_query, undefined);
  assert.deepEqual(raw['claude-sonnet-4-5']!.search_context_cost_per_query, {
    search_context_size_high: 0.01, search_context_size_low: 0.01, search_context_size_medium: 0.01,
  });
  for (const model of ['claude-haiku-4-5', 'claude-sonnet-4-5', 'claude-opus-4-1-20250805', 'claude-3-7-sonnet-20250219']) {
    assert.deepEqual(entry('anthropic', model).fees, { perToolCall: { web_search: '0.01', web_fetch: '0' } }, model);
  }
  // Claude 3 Haiku and Claude 3 Opus have no web search tool.
  assert.equal(entry('anthropic', 'claude-3-haiku-20240307').fees, undefined);
  assert.equal(entry('anthropic', 'claude-3-opus-20240229').fees, undefined);
});

test('openai-ft-gpt-4o-2024-11-20-cache-read: the $1.875 price is a cache read, not a write', () => {
  assert.equal(raw['ft:gpt-4o-2024-11-20']!.cache_creation_input_token_cost, 1.875e-6);
  const prices = entry('openai', 'ft:gpt-4o-2024-11-20').prices.live;
  assert.equal(prices.cacheRead, '1.875');
  assert.equal(prices.cacheWrite5m, undefined);
});

test('openrouter-gemini-3-pro-long-context-write: the stray $0.25 write above 200k is removed', () => {
  assert.equal(raw['openrouter/google/gemini-3-pro-preview']!.cache_creation_input_token_cost_above_200k_tokens, 2.5e-7);
  const tier = entry('openrouter', 'google/gemini-3-pro-preview').longContext?.[0];
  assert.equal(tier?.aboveInputTokens, 200_000);
  assert.equal(tier?.prices.live.cacheWrite5m, undefined);
  assert.equal(tier?.prices.live.input, '4');
});

test('anthropic-prompt-cache-minimums: per-model minimum cacheable tokens', () => {
  assert.equal(raw['claude-3-haiku-20240307']!.prompt_cache_min_tokens, undefined);
  assert.equal(raw['claude-3-7-sonnet-20250219']!.prompt_cache_min_tokens, undefined);
  const minimum = (model: string) => entry('anthropic', model).promptCacheMinTokens;
  assert.equal(minimum('claude-3-haiku-20240307'), 2048);
  assert.equal(minimum('claude-3-7-sonnet-20250219'), 1024);
  assert.equal(minimum('claude-3-opus-20240229'), 1024);
  assert.equal(minimum('claude-sonnet-4-5'), 1024);
  assert.equal(minimum('claude-opus-4-1-20250805'), 1024);
  assert.equal(minimum('claude-opus-4-5'), 4096);
  assert.equal(minimum('claude-opus-4-6'), 4096);
  assert.equal(minimum('claude-haiku-4-5'), 4096);
});

test('openai-prompt-cache-minimum: 1,024 tokens where OpenAI caches', () => {
  assert.equal(raw['gpt-4o']!.prompt_cache_min_tokens, undefined);
  assert.equal(entry('openai', 'gpt-4o').promptCacheMinTokens, 1024);
});

test('gemini-implicit-cache-minimum: 1,024 for Flash, 2,048 for Pro', () => {
  assert.equal(raw['gemini/gemini-2.5-pro']!.prompt_cache_min_tokens, undefined);
  assert.equal(entry('gemini', 'gemini-2.5-flash').promptCacheMinTokens, 1024);
  assert.equal(entry('gemini', 'gemini-2.5-pro').promptCacheMinTokens, 2048);
});
