import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkCatalog, type Finding } from './check.ts';
import { buildCatalog } from './import/build.ts';
import { DEFAULT_SNAPSHOT_PATH, readSnapshot } from './import/read-snapshot.ts';
import { loadShippedCatalogFile } from './load.ts';
import { testEntry } from './test-entry.ts';
import type { CatalogEntry } from './types.ts';

function rules(entry: CatalogEntry): string[] {
  return checkCatalog({ version: 't', entries: [entry] }).map((finding) => `${finding.severity} ${finding.rule}`);
}

const has = (findings: Finding[], model: string, rule: string) =>
  findings.some((finding) => finding.model === model && finding.rule === rule);

test('the shipped catalog has no error findings', () => {
  const errors = checkCatalog(loadShippedCatalogFile()).filter((finding) => finding.severity === 'error');
  assert.deepEqual(errors, []);
});

test('the raw (uncorrected) import flags the known data errors', async () => {
  const raw = buildCatalog(await readSnapshot(DEFAULT_SNAPSHOT_PATH), { corrections: false });
  const findings = checkCatalog(raw);
  assert.ok(has(findings, 'claude-3-haiku-20240307', 'cache-write-far-above-input'));
  assert.ok(has(findings, 'claude-3-opus-20240229', 'cache-write-1h-below-5m'));
  assert.ok(has(findings, 'claude-4-opus-20250514', 'missing-cache-write-1h'));
  assert.ok(has(findings, 'claude-4-sonnet-20250514', 'missing-cache-write-1h'));
  assert.ok(has(findings, 'gpt-5-nano', 'priority-far-above-live'));
  for (const model of ['gpt-5', 'gpt-5-mini', 'gpt-5-nano', 'gpt-5.1', 'gpt-5.2', 'o3', 'o4-mini', 'claude-sonnet-4-5']) {
    assert.ok(has(findings, model, 'missing-batch-price'), model);
  }
  assert.ok(has(findings, 'claude-3-haiku-20240307', 'missing-cache-minimum'));
  assert.ok(has(findings, 'ft:gpt-4o-2024-11-20', 'cache-write-below-input'));
  assert.ok(has(findings, 'google/gemini-3-pro-preview', 'cache-write-below-input'));
  assert.ok(findings.some((finding) => finding.severity === 'error'));
});

test('cache prices out of order are errors', () => {
  const live = { input: '3', cacheRead: '3', cacheWrite5m: '2.9', cacheWrite1h: '2', output: '15' };
  assert.deepEqual(rules(testEntry({ provider: 'anthropic', model: 'm', prices: { live } })).filter((rule) => rule.startsWith('error')), [
    'error cache-read-not-below-input',
    'error cache-write-below-input',
    'error cache-write-1h-below-5m',
  ]);
  // A free model may have free cache reads.
  assert.deepEqual(rules(testEntry({ provider: 'groq', model: 'free', prices: { live: { input: '0', cacheRead: '0', output: '0' } } })), []);
});

test('modes: batch or flex above live, priority below live or above 3 × live are errors', () => {
  const prices = {
    live: { input: '1', output: '4' },
    batch: { input: '1.5', output: '2' },
    flex: { input: '0.5', output: '5' },
    priority: { input: '0.9', output: '12.5' },
  };
  assert.deepEqual(rules(testEntry({ provider: 'groq', model: 'm', prices })), [
    'error batch-above-live',
    'error flex-above-live',
    'error priority-below-live',
    'error priority-far-above-live',
  ]);
});

test('coverage warnings: missing batch, output, 1-hour write and cache minimum', () => {
  assert.deepEqual(rules(testEntry({ provider: 'openai', model: 'm', prices: { live: { input: '1', cacheRead: '0.1' } } })), [
    'warning missing-output-price',
    'warning missing-batch-price',
    'warning missing-cache-minimum',
  ]);
  const anthropic = testEntry({
    provider: 'anthropic', model: 'm', promptCacheMinTokens: 1024,
    prices: { live: { input: '1', cacheWrite5m: '1.25', output: '5' }, batch: { input: '0.5', output: '2.5' } },
  });
  assert.deepEqual(rules(anthropic), ['warning missing-cache-write-1h']);
});

test('long-context tiers cheaper than base are errors; a tier lacking a base bucket is a warning', () => {
  const entry = testEntry({
    provider: 'groq', model: 'm',
    prices: { live: { input: '1', cacheRead: '0.1', output: '4' } },
    longContext: [{ aboveInputTokens: 200_000, prices: { live: { input: '0.5', output: '6' } } }],
  });
  assert.deepEqual(rules(entry), ['error long-context-cheaper', 'warning long-context-missing-bucket']);
});

test('a long-context tier without a mode the base prices is a warning: such requests are unpriced', () => {
  const entry = testEntry({
    provider: 'groq', model: 'm',
    prices: { live: { input: '1', output: '4' }, batch: { input: '0.5', output: '2' } },
    longContext: [{ aboveInputTokens: 200_000, prices: { live: { input: '2', output: '6' } } }],
  });
  assert.deepEqual(rules(entry), ['warning long-context-missing-mode']);
});

test('a per-call fee under a tool kind no usage reports is a warning', () => {
  const entry = testEntry({ provider: 'groq', model: 'm', prices: { live: { input: '1', output: '4' } }, fees: { perToolCall: { web_search: '0.01', websearch: '0.01' } } });
  const findings = checkCatalog({ version: 't', entries: [entry] });
  assert.deepEqual(findings.map((finding) => finding.rule), ['unknown-tool-kind']);
  assert.match(findings[0]!.message, /^fees\.perToolCall\.websearch is not a tool kind Frugal reports \(web_search, web_search_low, web_search_high, web_fetch\)$/);
});

test('negative prices, sub-pico decimals and malformed entries are reported, not thrown', () => {
  const negative = testEntry({ provider: 'groq', model: 'neg', prices: { live: { input: '-1', output: '4' } } });
  const precise = testEntry({ provider: 'groq', model: 'fine', prices: { live: { input: '0.0000001', output: '4' } } });
  const findings = checkCatalog({ version: 't', entries: [negative, precise, { provider: 'groq' } as unknown as CatalogEntry] });
  assert.deepEqual(findings.map((finding) => [finding.model, finding.severity, finding.rule]), [
    ['neg', 'error', 'negative-price'],
    ['fine', 'error', 'invalid-entry'],
    ['entry 2', 'error', 'invalid-entry'],
  ]);
  assert.equal(findings[0]!.message, 'prices.live.input -1 is negative');
  assert.match(findings[1]!.message, /^entry 1: prices\.live\.input must be a decimal with at most 6 decimals/);
});
