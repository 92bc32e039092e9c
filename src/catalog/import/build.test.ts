import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { Catalog } from '../catalog.ts';
import { SHIPPED_CATALOG_URL } from '../shipped-path.ts';
import type { CatalogFile } from '../types.ts';
import { buildCatalog, serializeCatalog } from './build.ts';
import { samePricing } from './history.ts';
import { DEFAULT_SNAPSHOT_PATH, readSnapshot, type Snapshot } from './read-snapshot.ts';

const snapshot = await readSnapshot(DEFAULT_SNAPSHOT_PATH);
const committedText = readFileSync(SHIPPED_CATALOG_URL, 'utf8');
const committed = JSON.parse(committedText) as CatalogFile;
const catalog = Catalog.fromFile(committed);

const PROVIDERS: Record<string, string> = {
  openai: 'openai', anthropic: 'anthropic', gemini: 'gemini', deepseek: 'deepseek',
  openrouter: 'openrouter', together_ai: 'together', fireworks_ai: 'fireworks', groq: 'groq',
};
const TOKEN_MODES = ['chat', 'responses', 'completion', 'embedding'];

test('the committed catalog is exactly what the generator produces from the snapshot', () => {
  assert.equal(serializeCatalog(buildCatalog(snapshot, { previous: committed })), committedText);
  assert.equal(committed.version, 'litellm-2026-07-24+frugal.2');
});

test('coverage: every token-priced entry of the eight providers is in the catalog under its snapshot key', () => {
  const counts: Record<string, number> = {};
  const excluded: string[] = [];
  for (const [key, record] of Object.entries(snapshot.records)) {
    const provider = PROVIDERS[String(record.litellm_provider)];
    if (provider === undefined) continue;
    if (!TOKEN_MODES.includes(String(record.mode)) || /^(together-ai|fireworks-ai)-/.test(key) || key.endsWith('/')) {
      excluded.push(key);
      continue;
    }
    counts[provider] = (counts[provider] ?? 0) + 1;
    const entry = catalog.find(key, { provider });
    assert.ok(entry, `${key} (${provider}) is missing from the catalog`);
    assert.equal(entry.provider, provider, key);
  }
  // Snapshot keys per provider (chat, responses, completion, embedding), counted independently of the generator.
  assert.deepEqual(counts, {
    openai: 117, anthropic: 24, gemini: 50, deepseek: 12, openrouter: 96, together: 35, fireworks: 272, groq: 11,
  });
  // Left out: image, audio, video, rerank and moderation models, and parameter-size price bands.
  for (const key of excluded) {
    const record = snapshot.records[key]!;
    assert.ok(!TOKEN_MODES.includes(String(record.mode)) || /^(together-ai|fireworks-ai)-/.test(key) || key.endsWith('/'), key);
  }
});

test('keys naming the same model merge into one entry whose other names are aliases', () => {
  const deepseek = catalog.resolve('deepseek-chat', { provider: 'deepseek' });
  assert.equal(catalog.entries().filter((entry) => entry.provider === 'deepseek' && entry.model === 'deepseek-chat').length, 1);
  assert.match(deepseek.source ?? '', /deepseek\/deepseek-chat, deepseek-chat/);
  const fireworks = catalog.resolve('fireworks_ai/accounts/fireworks/models/deepseek-v3p1');
  assert.equal(fireworks.provider, 'fireworks');
  assert.equal(fireworks.model, 'accounts/fireworks/models/deepseek-v3p1');
  assert.equal(catalog.resolve('deepseek-v3p1', { provider: 'fireworks' }), fireworks);
});

test('LiteLLM cost keys map to Frugal buckets, modes, tiers, multipliers and fees', () => {
  // gpt-5.4: input 2.5e-6/token = $2.5/M; above 272k input 5e-6 = $5/M.
  const gpt = catalog.resolve('gpt-5.4', { provider: 'openai' });
  assert.deepEqual(gpt.prices.live, { input: '2.5', cacheRead: '0.25', output: '15' });
  assert.deepEqual(gpt.prices.flex, { input: '1.25', cacheRead: '0.13', output: '7.5' });
  assert.equal(gpt.longContext?.length, 1);
  assert.equal(gpt.longContext[0]!.aboveInputTokens, 272_000);
  assert.deepEqual(gpt.longContext[0]!.prices.live, { input: '5', cacheRead: '0.5', output: '22.5' });
  assert.deepEqual(gpt.regionMultipliers, { eu: '1.1', us: '1.1' });
  // claude-sonnet-4-5 above 200k: 1-hour write from cache_creation_input_token_cost_above_1hr_above_200k_tokens (1.2e-5 = $12/M).
  const claude = catalog.resolve('claude-sonnet-4-5');
  assert.equal(claude.longContext?.[0]?.aboveInputTokens, 200_000);
  assert.deepEqual(claude.longContext[0].prices.live, { input: '6', cacheRead: '0.6', cacheWrite5m: '7.5', cacheWrite1h: '12', output: '22.5' });
  // search_context_cost_per_query by size: low 0.03, medium (the default, "web_search") 0.035, high 0.05 USD per search.
  assert.deepEqual(catalog.resolve('gpt-4o-search-preview', { provider: 'openai' }).fees, {
    perToolCall: { web_search_low: '0.03', web_search: '0.035', web_search_high: '0.05' },
  });
  assert.equal(claude.contextWindow, 200_000);
  assert.equal(claude.maxOutputTokens, 64_000);
  // Gemini 2.5 Pro priority above 200k; reasoning listed at base only.
  const pro = catalog.resolve('gemini/gemini-2.5-pro');
  assert.deepEqual(pro.longContext?.[0]?.prices.priority, { input: '2.5', output: '15' });
  const flash = catalog.resolve('gemini-2.5-flash', { provider: 'gemini' });
  assert.equal(flash.prices.live.reasoning, '2.5');
  assert.equal(catalog.resolve('claude-3-opus-20240229').deprecationDate, '2026-05-01');
});

test('a dated snapshot with the prices of its undated name is one entry with the dated name as an alias', () => {
  const sonnet = catalog.resolve('claude-sonnet-4-5');
  assert.deepEqual(sonnet.aliases, ['claude-sonnet-4-5-20250929']);
  assert.equal(catalog.resolve('claude-sonnet-4-5-20250929'), sonnet);
  assert.equal(catalog.resolve('anthropic/claude-sonnet-4-5-20250929'), sonnet);
  assert.equal(committed.entries.filter((entry) => /^claude-sonnet-4-5/.test(entry.model)).length, 1);
  // The same rule for every family and provider: OpenAI's dated snapshots too.
  assert.equal(catalog.resolve('gpt-5.4-2026-03-05', { provider: 'openai' }).model, 'gpt-5.4');
  assert.deepEqual(catalog.resolve('gpt-audio-mini').aliases, ['gpt-audio-mini-2025-10-06', 'gpt-audio-mini-2025-12-15']);
  // A snapshot the undated name does not match keeps its own entry: gpt-4o has priority prices, gpt-4o-2024-08-06 none.
  assert.equal(catalog.resolve('gpt-4o-2024-08-06').model, 'gpt-4o-2024-08-06');
  assert.notDeepEqual(catalog.resolve('gpt-4o').prices, catalog.resolve('gpt-4o-2024-08-06').prices);
  // Fields only the snapshot had are kept: claude-opus-4-1-20250805's deprecation date.
  assert.equal(snapshot.records['claude-opus-4-1']!.deprecation_date, undefined);
  assert.equal(catalog.resolve('claude-opus-4-1').deprecationDate, '2026-08-05');
  for (const entry of committed.entries) {
    const undated = entry.model.replace(/-(\d{8}|\d{4}-\d{2}-\d{2})$/, '');
    if (undated === entry.model) continue;
    const other = committed.entries.find((candidate) => candidate.provider === entry.provider && candidate.model === undated);
    if (other !== undefined) assert.ok(!samePricing(other, entry), `${entry.provider}/${entry.model} has the prices of ${undated}`);
  }
});

test('a refresh folds a model that has become an alias into its entry instead of keeping a stale copy', () => {
  const records = { 'claude-sonnet-4-5': snapshot.records['claude-sonnet-4-5']!, 'claude-sonnet-4-5-20250929': snapshot.records['claude-sonnet-4-5-20250929']! };
  const merged = buildCatalog({ records, date: '2026-07-24', fileName: 'f' });
  const separate: CatalogFile = {
    ...merged,
    entries: [
      { ...merged.entries[0]!, aliases: undefined },
      { ...merged.entries[0]!, model: 'claude-sonnet-4-5-20250929', aliases: undefined },
    ],
  };
  const refreshed = buildCatalog({ records, date: '2026-09-01', fileName: 'g' }, { previous: separate });
  assert.deepEqual(refreshed.entries.map((entry) => [entry.model, entry.effectiveFrom, entry.aliases]), [
    ['claude-sonnet-4-5', '2026-07-24', ['claude-sonnet-4-5-20250929']],
  ]);
});

test('DeepSeek cache hits are its cache-read price and zero write prices are left unset, not free', () => {
  const deepseek = catalog.resolve('deepseek-chat');
  assert.deepEqual(deepseek.prices.live, { input: '0.28', cacheRead: '0.028', output: '0.42' });
  assert.equal(snapshot.records['openrouter/z-ai/glm-4.7']!.cache_creation_input_token_cost, 0);
  assert.equal(catalog.resolve('openrouter/z-ai/glm-4.7').prices.live.cacheWrite5m, undefined);
});

function withPrice(base: Snapshot, date: string, input: number): Snapshot {
  const records = { 'gpt-4o': { ...base.records['gpt-4o']!, input_cost_per_token: input } };
  return { records, date, fileName: `litellm-model-prices-${date}.json` };
}

test('refreshing keeps price history: a changed price adds a dated entry, an unchanged one keeps its date', () => {
  const first = buildCatalog(withPrice(snapshot, '2026-07-24', 2.5e-6));
  const same = buildCatalog(withPrice(snapshot, '2026-09-01', 2.5e-6), { previous: first });
  assert.deepEqual(same.entries.map((entry) => entry.effectiveFrom), ['2026-07-24']);
  const changed = buildCatalog(withPrice(snapshot, '2026-10-01', 2e-6), { previous: same });
  assert.deepEqual(changed.entries.map((entry) => [entry.effectiveFrom, entry.prices.live.input]), [['2026-07-24', '2.5'], ['2026-10-01', '2']]);
  const history = Catalog.fromFile(changed);
  assert.equal(history.resolve('gpt-4o', { at: '2026-09-30T23:00:00Z' }).prices.live.input, '2.5');
  assert.equal(history.resolve('gpt-4o', { at: '2026-10-01T00:00:00Z' }).prices.live.input, '2');
  assert.throws(() => buildCatalog(withPrice(snapshot, '2026-08-01', 2e-6), { previous: changed }), /refresh only from a newer snapshot/);
});

test('models absent from a newer snapshot keep their entries', () => {
  const previous = buildCatalog(withPrice(snapshot, '2026-07-24', 2.5e-6));
  const next = buildCatalog({ records: {}, date: '2026-09-01', fileName: 'x-2026-09-01.json' }, { previous });
  assert.deepEqual(next.entries.map((entry) => entry.model), ['gpt-4o']);
});

test('a missing snapshot is FRUGAL_DATA_MISSING naming the path; an undated name needs --date', async () => {
  await assert.rejects(readSnapshot('/nonexistent/prices.json'), { code: 'FRUGAL_DATA_MISSING', message: /\/nonexistent\/prices\.json/ });
  const directory = await mkdtemp(join(tmpdir(), 'frugal-snapshot-'));
  const path = join(directory, 'prices.json');
  await writeFile(path, '{}');
  await assert.rejects(readSnapshot(path), /pass --date YYYY-MM-DD/);
  assert.equal((await readSnapshot(path, '2026-08-01')).date, '2026-08-01');
});

test('a non-numeric cost field in the snapshot names the entry and field', () => {
  const records = { 'gpt-x': { litellm_provider: 'openai', mode: 'chat', input_cost_per_token: '3e-6' } };
  assert.throws(() => buildCatalog({ records, date: '2026-07-24', fileName: 'f' }), {
    code: 'FRUGAL_INVALID_CATALOG',
    message: 'snapshot entry "gpt-x": input_cost_per_token must be a number (USD per token), got "3e-6"',
  });
});
