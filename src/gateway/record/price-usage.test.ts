import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadShippedCatalog } from '../../catalog/load.ts';
import { findPrice, priceUsage } from './price-usage.ts';

const catalog = loadShippedCatalog();
const buckets = { input: 1000, cacheRead: 0, cacheWrite5m: 0, cacheWrite1h: 0, output: 100, reasoning: 0 };

test('a provider\'s own price first, then its family\'s for a custom deployment, never a reseller\'s', () => {
  assert.equal(findPrice(catalog, 'openai', 'openai', 'gpt-4o-mini')?.provider, 'openai');
  assert.equal(findPrice(catalog, 'azure-east', 'openai', 'gpt-4o-mini')?.provider, 'openai');
  assert.equal(findPrice(catalog, 'my-vllm', 'openai-compatible', 'gpt-4o-mini'), undefined);
});

test('usage priced into ledger lines: unit and amount in pico-USD, the mode from the service tier', () => {
  const priced = priceUsage(findPrice(catalog, 'openai', 'openai', 'gpt-4o-mini'), { format: 'openai', buckets, raw: {}, serviceTier: 'default' }, 'v1');
  // 1,000 × 150,000 + 100 × 600,000 = 150,000,000 + 60,000,000
  assert.deepEqual(priced.recorded, {
    lines: [
      { item: 'input', quantity: 1000, unitPicoUsd: 150_000, amountPicoUsd: 150_000_000 },
      { item: 'output', quantity: 100, unitPicoUsd: 600_000, amountPicoUsd: 60_000_000 },
    ],
    totalPicoUsd: 210_000_000,
    complete: true,
    catalogVersion: 'v1',
    pricingMode: 'live',
  });
  assert.equal(priced.cost?.totalUsd, '0.00021');
});

test('a model the catalog does not know is unpriced, line by line, never $0', () => {
  const priced = priceUsage(undefined, { format: 'openai', buckets, raw: {} }, 'v1');
  assert.equal(priced.cost, undefined);
  assert.deepEqual(priced.recorded.lines, [
    { item: 'input', quantity: 1000, unitPicoUsd: null, amountPicoUsd: null },
    { item: 'output', quantity: 100, unitPicoUsd: null, amountPicoUsd: null },
  ]);
  assert.equal(priced.recorded.complete, false);
});
