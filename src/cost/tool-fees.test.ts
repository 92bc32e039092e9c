/**
 * Tool fees end to end: a provider's usage object → normalized tool calls → the shipped
 * catalog's per-call fee of the same kind → a priced `toolFee:<kind>` line.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadShippedCatalog, loadShippedCatalogFile } from '../catalog/load.ts';
import { normalizeUsage } from '../usage/normalize-usage.ts';
import { ANTHROPIC_SERVER_TOOL_COUNTERS, isToolKind } from '../usage/tool-kinds.ts';
import { priceUsage } from './price-usage.ts';

const catalog = loadShippedCatalog();

test('every Anthropic model with web search prices the searches and fetches its usage reports', () => {
  const models = catalog.entries().filter((entry) => entry.provider === 'anthropic' && !/^claude-3-(haiku|opus)-/.test(entry.model));
  assert.ok(models.length >= 15);
  const usage = normalizeUsage({ input_tokens: 1000, output_tokens: 100, server_tool_use: { web_search_requests: 3, web_fetch_requests: 2 } });
  for (const entry of models) {
    for (const mode of ['live', 'batch'] as const) {
      const cost = priceUsage(entry, usage.buckets, { mode, toolCalls: usage.toolCalls, catalogVersion: catalog.version });
      assert.equal(cost.complete, true, `${entry.model} ${mode}: unpriced ${cost.unpriced.join(', ')}`);
      // $10 per 1,000 searches: 3 × $0.01 = $0.03 = 30,000,000,000 pico-USD; web fetch has no fee of its own.
      assert.deepEqual(cost.lines.filter((line) => line.bucket.startsWith('toolFee:')), [
        { bucket: 'toolFee:web_search', tokens: 3, usdEach: '0.01', picoUsd: 30_000_000_000 },
        { bucket: 'toolFee:web_fetch', tokens: 2, usdEach: '0', picoUsd: 0 },
      ], entry.model);
    }
  }
});

test('claude-haiku-4-5 with 2 web searches: tokens plus $0.02', () => {
  const entry = catalog.resolve('claude-haiku-4-5-20251001');
  const usage = normalizeUsage({ input_tokens: 1000, output_tokens: 100, server_tool_use: { web_search_requests: 2 } });
  const cost = priceUsage(entry, usage.buckets, { toolCalls: usage.toolCalls, catalogVersion: catalog.version });
  // 1,000 × $1/M = $0.001; 100 × $5/M = $0.0005; 2 × $0.01 = $0.02; total $0.0215.
  assert.equal(cost.totalUsd, '0.0215');
  assert.equal(cost.complete, true);
});

test('the tool kinds the usage reports and the fees the catalog holds use the same names', () => {
  for (const kind of Object.values(ANTHROPIC_SERVER_TOOL_COUNTERS)) assert.ok(isToolKind(kind), kind);
  for (const entry of loadShippedCatalogFile().entries) {
    for (const kind of Object.keys(entry.fees?.perToolCall ?? {})) assert.ok(isToolKind(kind), `${entry.provider}/${entry.model}: ${kind}`);
  }
});
