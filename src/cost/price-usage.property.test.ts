import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { loadShippedCatalog } from '../catalog/load.ts';
import { BUCKET_NAMES, type UsageBuckets } from '../usage/buckets.ts';
import { PRICING_MODES } from '../catalog/types.ts';
import { priceUsage } from './price-usage.ts';

const catalog = loadShippedCatalog();
// A long-context tier (sonnet, gpt-5.4), a region uplift (gpt-5.4), mode tables with gaps (gpt-4o), DeepSeek.
const entries = [
  catalog.resolve('claude-sonnet-4-5', { provider: 'anthropic' }),
  catalog.resolve('gpt-5.4', { provider: 'openai' }),
  catalog.resolve('gpt-4o', { provider: 'openai' }),
  catalog.resolve('gemini-2.5-pro', { provider: 'gemini' }),
  catalog.resolve('deepseek-chat', { provider: 'deepseek' }),
];

const count = fc.integer({ min: 0, max: 400_000 });
const bucketsArbitrary = fc
  .record({ input: count, cacheRead: count, cacheWrite5m: count, cacheWrite1h: count, output: count, reasoning: count })
  .map((buckets): UsageBuckets => ({ ...buckets }));

test('cost never decreases when a bucket grows, and nothing unpriced becomes priced', () => {
  fc.assert(
    fc.property(
      fc.constantFrom(...entries),
      bucketsArbitrary,
      fc.constantFrom(...BUCKET_NAMES),
      fc.integer({ min: 1, max: 300_000 }),
      fc.constantFrom(...PRICING_MODES),
      fc.constantFrom(undefined, 'eu'),
      (entry, buckets, bucket, growth, mode, region) => {
        const priceOptions = { mode, catalogVersion: catalog.version, ...(region === undefined ? {} : { region }) };
        const before = priceUsage(entry, buckets, priceOptions);
        const after = priceUsage(entry, { ...buckets, [bucket]: buckets[bucket] + growth }, priceOptions);
        if (before.complete && after.complete) assert.ok(after.totalPicoUsd >= before.totalPicoUsd);
        for (const name of before.unpriced) assert.ok(after.unpriced.includes(name));
        // The total is always the exact sum of the lines.
        assert.equal(after.totalPicoUsd, after.lines.reduce((sum, line) => sum + line.picoUsd, 0));
      },
    ),
  );
});
