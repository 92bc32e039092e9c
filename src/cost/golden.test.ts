/**
 * Golden figures, computed by hand (arithmetic in the comments). Real-catalog cases use the
 * shipped catalog's prices (LiteLLM snapshot 2026-07-24, corrected).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadShippedCatalog } from '../catalog/load.ts';
import { normalizeUsage } from '../usage/normalize-usage.ts';
import type { UsageBuckets } from '../usage/buckets.ts';
import { formatUsd } from './money.ts';
import { priceUsage, type PriceOptions } from './price-usage.ts';
import { modeFromServiceTier } from './service-tier.ts';
import { testEntry } from './test-entry.ts';

const catalog = loadShippedCatalog();
const options: PriceOptions = { catalogVersion: catalog.version };

function usage(partial: Partial<UsageBuckets>): UsageBuckets {
  return { input: 0, cacheRead: 0, cacheWrite5m: 0, cacheWrite1h: 0, output: 0, reasoning: 0, ...partial };
}

function costOf(model: string, provider: string, native: unknown, extra: Partial<PriceOptions> = {}) {
  const entry = catalog.resolve(model, { provider });
  return priceUsage(entry, normalizeUsage(native).buckets, { ...options, ...extra });
}

test('seed 001 worked example: $0.0345 naive, $0.0210 cached per step; $0.3450 vs $0.1092 per task', () => {
  // Hypothetical prices: $5/M input, $0.50/M cached, $20/M output; a 5×-cheaper small model.
  const flagship = testEntry();
  const small = testEntry({ model: 'small', prices: { live: { input: '1', cacheRead: '0.10', output: '4' } } });

  // Naive step: 5,300 input × $5/M = $0.0265; 400 output × $20/M = $0.0080; total $0.0345.
  const naive = priceUsage(flagship, usage({ input: 5300, output: 400 }), options);
  assert.equal(naive.totalUsd, '0.0345');

  // Cached step: 3,000 × $0.50/M = $0.0015; 2,300 × $5/M = $0.0115; 400 × $20/M = $0.0080; total $0.0210.
  const cached = priceUsage(flagship, usage({ cacheRead: 3000, input: 2300, output: 400 }), options);
  assert.deepEqual(cached.lines.map((line) => formatUsd(line.picoUsd)), ['0.0115', '0.0015', '0.008']);
  assert.equal(cached.totalUsd, '0.021');

  // Small-model cached step: 3,000 × $0.10/M = $0.0003; 2,300 × $1/M = $0.0023; 400 × $4/M = $0.0016; total $0.0042.
  const smallStep = priceUsage(small, usage({ cacheRead: 3000, input: 2300, output: 400 }), options);
  assert.equal(smallStep.totalUsd, '0.0042');

  // Per task: 4 × $0.0210 + 6 × $0.0042 = $0.0840 + $0.0252 = $0.1092; naive 10 × $0.0345 = $0.3450.
  const routed = 4 * cached.totalPicoUsd + 6 * smallStep.totalPicoUsd;
  const naiveTask = 10 * naive.totalPicoUsd;
  assert.equal(formatUsd(routed), '0.1092');
  assert.equal(formatUsd(naiveTask), '0.345');
  // ~39% cheaper per step and ~68% per task: 1 − 0.021/0.0345 = 0.391; 1 − 0.1092/0.345 = 0.683.
  assert.equal(Math.round((1 - cached.totalPicoUsd / naive.totalPicoUsd) * 100), 39);
  assert.equal(Math.round((1 - routed / naiveTask) * 100), 68);
});

test('Anthropic usage on claude-sonnet-4-5: reads, 5m and 1h writes beside exclusive input', () => {
  const cost = costOf('claude-sonnet-4-5', 'anthropic', {
    input_tokens: 2300,
    cache_read_input_tokens: 3000,
    cache_creation_input_tokens: 1500,
    cache_creation: { ephemeral_5m_input_tokens: 1000, ephemeral_1h_input_tokens: 500 },
    output_tokens: 400,
  });
  // input 2,300 × $3 = $0.0069; read 3,000 × $0.30 = $0.0009; 5m write 1,000 × $3.75 = $0.00375;
  // 1h write 500 × $6 = $0.003; output 400 × $15 = $0.006. Total $0.02055.
  assert.deepEqual(
    cost.lines.map((line) => [line.bucket, line.usdPerMillion, formatUsd(line.picoUsd)]),
    [
      ['input', '3', '0.0069'],
      ['cacheRead', '0.3', '0.0009'],
      ['cacheWrite5m', '3.75', '0.00375'],
      ['cacheWrite1h', '6', '0.003'],
      ['output', '15', '0.006'],
    ],
  );
  assert.equal(cost.totalUsd, '0.02055');
});

test('1-hour cache writes cost 2 × input, 5-minute writes 1.25 × (claude-sonnet-4-5)', () => {
  const entry = catalog.resolve('claude-sonnet-4-5', { provider: 'anthropic' });
  // 10,000 × $6/M = $0.06; 10,000 × $3.75/M = $0.0375
  assert.equal(priceUsage(entry, usage({ cacheWrite1h: 10_000 }), options).totalUsd, '0.06');
  assert.equal(priceUsage(entry, usage({ cacheWrite5m: 10_000 }), options).totalUsd, '0.0375');
});

test('OpenAI Chat Completions usage on gpt-5: cached and reasoning tokens are not counted twice', () => {
  const cost = costOf('gpt-5', 'openai', {
    prompt_tokens: 5300,
    completion_tokens: 1400,
    total_tokens: 6700,
    prompt_tokens_details: { cached_tokens: 3000 },
    completion_tokens_details: { reasoning_tokens: 1000 },
  });
  // input 2,300 × $1.25 = $0.002875; read 3,000 × $0.125 = $0.000375; output 400 × $10 = $0.004;
  // reasoning 1,000 × $10 (output price) = $0.01. Total $0.01725.
  assert.equal(cost.totalUsd, '0.01725');
  assert.equal(cost.lines.find((line) => line.bucket === 'reasoning')?.usdPerMillion, '10');
});

test('OpenAI Responses usage on gpt-4o', () => {
  const cost = costOf('gpt-4o', 'openai', {
    input_tokens: 2000,
    input_tokens_details: { cached_tokens: 1024 },
    output_tokens: 300,
    output_tokens_details: { reasoning_tokens: 0 },
    total_tokens: 2300,
  });
  // input 976 × $2.50 = $0.00244; read 1,024 × $1.25 = $0.00128; output 300 × $10 = $0.003. Total $0.00672.
  assert.equal(cost.totalUsd, '0.00672');
});

test('Gemini usageMetadata on gemini-2.5-flash: recorded thinking response and a cached prompt', () => {
  // Recorded: prompt 7, candidates 149, thoughts 48.
  // 7 × $0.30 = $0.0000021; 149 × $2.50 = $0.0003725; 48 × $2.50 = $0.00012. Total $0.0004946.
  const recorded = costOf('gemini-2.5-flash', 'gemini', { promptTokenCount: 7, candidatesTokenCount: 149, thoughtsTokenCount: 48, totalTokenCount: 204 });
  assert.equal(recorded.totalUsd, '0.0004946');
  // prompt 10,000 of which 8,000 cached, 500 tool-use prompt, 300 candidates:
  // input (2,000 + 500) × $0.30 = $0.00075; read 8,000 × $0.03 = $0.00024; output 300 × $2.50 = $0.00075. Total $0.00174.
  const cached = costOf('gemini-2.5-flash', 'gemini', {
    promptTokenCount: 10_000,
    cachedContentTokenCount: 8_000,
    toolUsePromptTokenCount: 500,
    candidatesTokenCount: 300,
    totalTokenCount: 10_800,
  });
  assert.equal(cached.totalUsd, '0.00174');
});

test('DeepSeek cache hit/miss on deepseek-chat, and reasoning inside completion on deepseek-reasoner', () => {
  const chat = costOf('deepseek-chat', 'deepseek', {
    prompt_tokens: 1000,
    completion_tokens: 200,
    total_tokens: 1200,
    prompt_cache_hit_tokens: 768,
    prompt_cache_miss_tokens: 232,
  });
  // miss 232 × $0.28 = $0.00006496; hit 768 × $0.028 = $0.000021504; output 200 × $0.42 = $0.000084.
  // Total $0.000170464.
  assert.equal(chat.totalUsd, '0.000170464');
  const reasoner = costOf('deepseek-reasoner', 'deepseek', {
    prompt_tokens: 1000,
    completion_tokens: 900,
    total_tokens: 1900,
    prompt_cache_hit_tokens: 0,
    prompt_cache_miss_tokens: 1000,
    completion_tokens_details: { reasoning_tokens: 700 },
  });
  // input 1,000 × $0.28 = $0.00028; output 200 × $0.42 = $0.000084; reasoning 700 × $0.42 = $0.000294.
  // Total $0.000658.
  assert.equal(reasoner.totalUsd, '0.000658');
});

test('long context re-prices the whole request: claude-sonnet-4-5 above 200k', () => {
  const entry = catalog.resolve('claude-sonnet-4-5', { provider: 'anthropic' });
  // Prompt 150,000 + 60,000 read = 210,000 > 200,000: every bucket at the tier's prices.
  // 150,000 × $6 = $0.90; 60,000 × $0.60 = $0.036; 2,000 × $22.50 = $0.045. Total $0.981.
  const above = priceUsage(entry, usage({ input: 150_000, cacheRead: 60_000, output: 2000 }), options);
  assert.equal(above.longContextTier, 200_000);
  assert.equal(above.totalUsd, '0.981');
  // At exactly 200,000 the base prices apply: 140,000 × $3 + 60,000 × $0.30 + 2,000 × $15 = $0.42 + $0.018 + $0.03.
  const at = priceUsage(entry, usage({ input: 140_000, cacheRead: 60_000, output: 2000 }), options);
  assert.equal(at.longContextTier, undefined);
  assert.equal(at.totalUsd, '0.468');
});

test('long context: gemini-2.5-pro above 200k and gpt-5.4 above 272k', () => {
  // gemini-2.5-pro: 250,000 × $2.50 = $0.625; 1,000 × $15 = $0.015. Total $0.64.
  assert.equal(costOf('gemini-2.5-pro', 'gemini', { promptTokenCount: 250_000, candidatesTokenCount: 1000 }).totalUsd, '0.64');
  // gpt-5.4: 300,000 × $5 = $1.50; 1,000 × $22.50 = $0.0225. Total $1.5225.
  const above = costOf('gpt-5.4', 'openai', { prompt_tokens: 300_000, completion_tokens: 1000 });
  assert.equal(above.longContextTier, 272_000);
  assert.equal(above.totalUsd, '1.5225');
  // 272,000 is not above 272,000: 272,000 × $2.50 = $0.68; 1,000 × $15 = $0.015. Total $0.695.
  assert.equal(costOf('gpt-5.4', 'openai', { prompt_tokens: 272_000, completion_tokens: 1000 }).totalUsd, '0.695');
});

test('long context in batch, flex and priority: gpt-5.4 above 272k and claude-sonnet-4-5 above 200k', () => {
  const gpt = catalog.resolve('gpt-5.4', { provider: 'openai' });
  const buckets = usage({ input: 300_000, output: 1000 });
  // batch: 300,000 × $2.50 (0.5 × the tier's $5) = $0.75; 1,000 × $11.25 (0.5 × $22.50) = $0.01125. Total $0.76125.
  const batch = priceUsage(gpt, buckets, { ...options, mode: 'batch' });
  assert.equal(batch.longContextTier, 272_000);
  assert.equal(batch.complete, true);
  assert.equal(batch.totalUsd, '0.76125');
  // priority: 300,000 × $10 (2 × $5) = $3; 1,000 × $45 (1.5 × $30) = $0.045. Total $3.045.
  assert.equal(priceUsage(gpt, buckets, { ...options, mode: 'priority' }).totalUsd, '3.045');
  // Cached input has no batch price at all, so above the threshold it stays unpriced (never the base price).
  const cached = priceUsage(gpt, usage({ input: 300_000, cacheRead: 10_000, output: 1000 }), { ...options, mode: 'batch' });
  assert.deepEqual(cached.unpriced, ['cacheRead']);
  assert.equal(cached.totalUsd, '0.76125');
  // claude-sonnet-4-5 batch above 200k: 150,000 × $3 = $0.45; 60,000 × $0.30 = $0.018; 2,000 × $11.25 = $0.0225. Total $0.4905.
  const claude = catalog.resolve('claude-sonnet-4-5', { provider: 'anthropic' });
  const claudeBatch = priceUsage(claude, usage({ input: 150_000, cacheRead: 60_000, output: 2000 }), { ...options, mode: 'batch' });
  assert.equal(claudeBatch.totalUsd, '0.4905');
  assert.equal(claudeBatch.complete, true);
});

test('batch, flex and priority on gpt-5, with the mode taken from the echoed service tier', () => {
  const entry = catalog.resolve('gpt-5', { provider: 'openai' });
  const buckets = usage({ input: 10_000, output: 1000 });
  // live: 10,000 × $1.25 + 1,000 × $10 = $0.0125 + $0.01 = $0.0225
  assert.equal(priceUsage(entry, buckets, { ...options, mode: 'live' }).totalUsd, '0.0225');
  // batch (0.5 × live): 10,000 × $0.625 + 1,000 × $5 = $0.00625 + $0.005 = $0.01125
  assert.equal(priceUsage(entry, buckets, { ...options, mode: 'batch' }).totalUsd, '0.01125');
  // priority: 10,000 × $2.50 + 1,000 × $20 = $0.025 + $0.02 = $0.045
  assert.equal(priceUsage(entry, buckets, { ...options, mode: 'priority' }).totalUsd, '0.045');
  // A response echoing service_tier "flex" is priced at flex rates: the same $0.01125.
  const response = normalizeUsage({ object: 'chat.completion', service_tier: 'flex', usage: { prompt_tokens: 10_000, completion_tokens: 1000 } });
  const flex = priceUsage(entry, response.buckets, { ...options, mode: modeFromServiceTier(response.serviceTier) });
  assert.equal(flex.mode, 'flex');
  assert.equal(flex.totalUsd, '0.01125');
});

test('regional processing uplift on gpt-5.4 (eu × 1.1) applies to every line', () => {
  // input 10,000 × $2.50 = $0.025 × 1.1 = $0.0275; output 1,000 × $15 = $0.015 × 1.1 = $0.0165. Total $0.044.
  const cost = costOf('gpt-5.4', 'openai', { prompt_tokens: 10_000, completion_tokens: 1000 }, { region: 'eu' });
  assert.deepEqual(cost.lines.map((line) => line.usdPerMillion), ['2.75', '16.5']);
  assert.equal(cost.totalUsd, '0.044');
});

test('an unpriced bucket: gpt-4o batch has no cached-input price, so the cost is incomplete', () => {
  const entry = catalog.resolve('gpt-4o', { provider: 'openai' });
  const cost = priceUsage(entry, usage({ input: 1000, cacheRead: 2000, output: 100 }), { ...options, mode: 'batch' });
  // Priced: 1,000 × $1.25 + 100 × $5 = $0.00125 + $0.0005 = $0.00175; the 2,000 cache reads are unpriced, not $0.
  assert.equal(cost.totalUsd, '0.00175');
  assert.equal(cost.complete, false);
  assert.deepEqual(cost.unpriced, ['cacheRead']);
});
