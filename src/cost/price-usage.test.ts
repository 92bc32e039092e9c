import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { UsageBuckets } from '../usage/buckets.ts';
import { priceUsage } from './price-usage.ts';
import { testEntry } from './test-entry.ts';

const VERSION = 'test-1';

function usage(partial: Partial<UsageBuckets>): UsageBuckets {
  return { input: 0, cacheRead: 0, cacheWrite5m: 0, cacheWrite1h: 0, output: 0, reasoning: 0, ...partial };
}

test('lines are itemized per non-empty bucket, with the price applied and the catalog version', () => {
  const cost = priceUsage(testEntry(), usage({ input: 2300, cacheRead: 3000, output: 400 }), { catalogVersion: VERSION });
  assert.deepEqual(cost.lines, [
    { bucket: 'input', tokens: 2300, usdPerMillion: '5', picoUsd: 11_500_000_000 }, // 2,300 × $5/M = $0.0115
    { bucket: 'cacheRead', tokens: 3000, usdPerMillion: '0.5', picoUsd: 1_500_000_000 }, // 3,000 × $0.50/M = $0.0015
    { bucket: 'output', tokens: 400, usdPerMillion: '20', picoUsd: 8_000_000_000 }, // 400 × $20/M = $0.008
  ]);
  assert.equal(cost.totalUsd, '0.021');
  assert.equal(cost.complete, true);
  assert.deepEqual(cost.unpriced, []);
  assert.equal(cost.catalogVersion, VERSION);
  assert.equal(cost.mode, 'live');
  assert.equal(cost.longContextTier, undefined);
});

test('reasoning without its own price is billed at the output price of the same mode', () => {
  const entry = testEntry({ prices: { live: { input: '1', output: '4' }, batch: { input: '0.5', output: '2' } } });
  const live = priceUsage(entry, usage({ reasoning: 1000 }), { catalogVersion: VERSION });
  assert.deepEqual(live.lines, [{ bucket: 'reasoning', tokens: 1000, usdPerMillion: '4', picoUsd: 4_000_000_000 }]);
  const batch = priceUsage(entry, usage({ reasoning: 1000 }), { mode: 'batch', catalogVersion: VERSION });
  assert.equal(batch.lines[0]!.usdPerMillion, '2');
  const ownPrice = testEntry({ prices: { live: { input: '1', output: '4', reasoning: '3' } } });
  assert.equal(priceUsage(ownPrice, usage({ reasoning: 1000 }), { catalogVersion: VERSION }).lines[0]!.usdPerMillion, '3');
});

test('a bucket with tokens and no price is an unpriced line, never priced at 0', () => {
  const cost = priceUsage(testEntry(), usage({ input: 100, cacheWrite1h: 4000 }), { catalogVersion: VERSION });
  assert.deepEqual(cost.lines[1], { bucket: 'cacheWrite1h', tokens: 4000, picoUsd: 0, unpriced: true });
  assert.equal(cost.complete, false);
  assert.deepEqual(cost.unpriced, ['cacheWrite1h']);
  assert.equal(cost.totalUsd, '0.0005'); // only the priced input: 100 × $5/M
});

test('a mode the entry does not price leaves every bucket unpriced, never at the live price', () => {
  const cost = priceUsage(testEntry(), usage({ input: 100, output: 10 }), { mode: 'batch', catalogVersion: VERSION });
  assert.equal(cost.complete, false);
  assert.deepEqual(cost.unpriced, ['input', 'output']);
  assert.equal(cost.totalPicoUsd, 0);
});

const tiered = testEntry({
  prices: { live: { input: '3', cacheRead: '0.3', cacheWrite5m: '3.75', output: '15' } },
  longContext: [
    { aboveInputTokens: 500_000, prices: { live: { input: '9', cacheRead: '0.9', cacheWrite5m: '11.25', output: '30' } } },
    { aboveInputTokens: 200_000, prices: { live: { input: '6', cacheRead: '0.6', output: '22.5' } } },
  ],
});

test('the long-context tier applies strictly above its threshold, measured on the whole prompt', () => {
  const atThreshold = priceUsage(tiered, usage({ input: 100_000, cacheRead: 100_000, output: 1000 }), { catalogVersion: VERSION });
  assert.equal(atThreshold.longContextTier, undefined);
  // 200,001 prompt tokens, of which only 1 is uncached input: the cache reads count toward the threshold.
  const above = priceUsage(tiered, usage({ input: 1, cacheRead: 200_000, output: 1000 }), { catalogVersion: VERSION });
  assert.equal(above.longContextTier, 200_000);
  // Whole request re-priced: 1 × $6/M + 200,000 × $0.6/M + 1,000 × $22.5/M = 0.000006 + 0.12 + 0.0225
  assert.equal(above.totalUsd, '0.142506');
});

test('the highest applicable tier wins, and a bucket it does not price is unpriced (not the base price)', () => {
  const top = priceUsage(tiered, usage({ input: 600_000, output: 10 }), { catalogVersion: VERSION });
  assert.equal(top.longContextTier, 500_000);
  assert.equal(top.lines[0]!.usdPerMillion, '9');
  const missing = priceUsage(tiered, usage({ input: 200_000, cacheWrite5m: 1000 }), { catalogVersion: VERSION });
  assert.equal(missing.longContextTier, 200_000);
  assert.deepEqual(missing.unpriced, ['cacheWrite5m']);
});

test('a region multiplier applies to every line, rounded half up once per line', () => {
  const entry = testEntry({
    prices: { live: { input: '0.000001', output: '2.5' } },
    regionMultipliers: { eu: '1.1' },
    fees: { perRequest: '0.001' },
  });
  const cost = priceUsage(entry, usage({ input: 5, output: 1000 }), { region: 'eu', catalogVersion: VERSION });
  assert.deepEqual(cost.lines, [
    // 5 tokens × 1 pico-USD = 5 pico × 1.1 = 5.5 → 6
    { bucket: 'input', tokens: 5, usdPerMillion: '0.0000011', picoUsd: 6 },
    // 1,000 × $2.5/M = $0.0025 × 1.1 = $0.00275
    { bucket: 'output', tokens: 1000, usdPerMillion: '2.75', picoUsd: 2_750_000_000 },
    // $0.001 × 1.1 = $0.0011
    { bucket: 'requestFee', tokens: 1, usdEach: '0.0011', picoUsd: 1_100_000_000 },
  ]);
  assert.equal(cost.region, 'eu');
  assert.equal(cost.regionMultiplier, '1.1');
  assert.equal(cost.totalUsd, '0.003850000006');
  const elsewhere = priceUsage(entry, usage({ input: 5 }), { region: 'apac', catalogVersion: VERSION });
  assert.equal(elsewhere.region, undefined);
  assert.equal(elsewhere.lines[0]!.picoUsd, 5);
});

test('per-request and tool-call fees are extra lines; a tool without a fee is unpriced', () => {
  const entry = testEntry({ fees: { perRequest: '0.0001', perToolCall: { web_search: '0.01' } } });
  const cost = priceUsage(entry, usage({ input: 1000 }), { toolCalls: { web_search: 3, code_execution: 1, web_fetch: 0 }, catalogVersion: VERSION });
  assert.deepEqual(cost.lines.slice(1), [
    { bucket: 'requestFee', tokens: 1, usdEach: '0.0001', picoUsd: 100_000_000 },
    { bucket: 'toolFee:web_search', tokens: 3, usdEach: '0.01', picoUsd: 30_000_000_000 },
    { bucket: 'toolFee:code_execution', tokens: 1, picoUsd: 0, unpriced: true },
  ]);
  // 1,000 × $5/M + $0.0001 + 3 × $0.01 = 0.005 + 0.0001 + 0.03
  assert.equal(cost.totalUsd, '0.0351');
  assert.deepEqual(cost.unpriced, ['toolFee:code_execution']);
});

test('an empty usage costs 0 with no lines, and is complete', () => {
  const cost = priceUsage(testEntry(), usage({}), { catalogVersion: VERSION });
  assert.deepEqual(cost.lines, []);
  assert.equal(cost.totalUsd, '0');
  assert.equal(cost.complete, true);
});

test('a malformed catalog price is reported with the entry and field', () => {
  const entry = testEntry({ prices: { live: { input: '0.00000005', output: '1' } } });
  assert.throws(
    () => priceUsage(entry, usage({ input: 1 }), { catalogVersion: VERSION }),
    (error: Error & { code?: string }) =>
      error.code === 'FRUGAL_INVALID_CATALOG' && /test\/flagship prices\.live\.input: .*more than 6 decimals/.test(error.message),
  );
});

test('an amount beyond the exact range raises FRUGAL_MONEY_OVERFLOW instead of losing precision', () => {
  const entry = testEntry({ prices: { live: { input: '1000000', output: '1' } } });
  assert.throws(
    () => priceUsage(entry, usage({ input: 10_000_000 }), { catalogVersion: VERSION }),
    (error: Error & { code?: string }) => error.code === 'FRUGAL_MONEY_OVERFLOW',
  );
});
