import { mock, test } from 'node:test';
import assert from 'node:assert/strict';
import { FrugalError } from '../errors/frugal-error.ts';
import { Catalog } from './catalog.ts';
import { testEntry } from './test-entry.ts';
import type { CatalogFile } from './types.ts';

const file: CatalogFile = {
  version: 'test-1',
  entries: [
    testEntry({ provider: 'openrouter', model: 'gpt-4o', prices: { live: { input: '2.6', output: '10.4' } } }),
    testEntry({ provider: 'openai', model: 'gpt-4o', aliases: ['gpt-4o-latest'], prices: { live: { input: '2.5', output: '10' } } }),
    testEntry({ provider: 'openrouter', model: 'anthropic/claude-sonnet-4.5' }),
    testEntry({ provider: 'anthropic', model: 'claude-sonnet-4-5', aliases: ['claude-sonnet-4-5-20250929'] }),
    testEntry({ provider: 'groq', model: 'openai/gpt-oss-120b' }),
    testEntry({ provider: 'openai', model: 'gpt-5' }),
    testEntry({ provider: 'deepseek', model: 'deepseek-chat', effectiveFrom: '2025-01-01', prices: { live: { input: '0.27', output: '1.1' } } }),
    testEntry({ provider: 'deepseek', model: 'deepseek-chat', effectiveFrom: '2025-09-05', prices: { live: { input: '0.28', output: '0.42' } } }),
  ],
};
const catalog = Catalog.fromFile(file);

test('a name sold by several providers resolves to the first-party provider', () => {
  assert.equal(catalog.resolve('gpt-4o').provider, 'openai');
  assert.equal(catalog.resolve('gpt-4o', { provider: 'openrouter' }).prices.live.input, '2.6');
});

test('names match case-insensitively, through aliases and as provider/model', () => {
  assert.equal(catalog.resolve('GPT-4O').model, 'gpt-4o');
  assert.equal(catalog.resolve('gpt-4o-latest').model, 'gpt-4o');
  assert.equal(catalog.resolve('Claude-Sonnet-4-5-20250929').model, 'claude-sonnet-4-5');
  assert.equal(catalog.resolve('anthropic/claude-sonnet-4-5').provider, 'anthropic');
  assert.equal(catalog.resolve('openai/gpt-4o').provider, 'openai');
  assert.equal(catalog.resolve('openrouter/gpt-4o').provider, 'openrouter');
});

test('a reseller model id containing a slash still resolves when the prefix is not its provider', () => {
  assert.equal(catalog.resolve('anthropic/claude-sonnet-4.5').provider, 'openrouter');
  assert.equal(catalog.resolve('openai/gpt-oss-120b').provider, 'groq');
});

test('the entry in force at the timestamp prices the call; earlier timestamps use the first entry', () => {
  assert.equal(catalog.resolve('deepseek-chat', { at: '2025-06-01T12:00:00Z' }).prices.live.output, '1.1');
  assert.equal(catalog.resolve('deepseek-chat', { at: new Date('2025-09-05T00:00:00Z') }).prices.live.output, '0.42');
  assert.equal(catalog.resolve('deepseek-chat', { at: '2025-09-04T23:59:59Z' }).prices.live.output, '1.1');
  assert.equal(catalog.resolve('deepseek-chat', { at: '2020-01-01' }).prices.live.output, '1.1');
  assert.equal(catalog.resolve('deepseek-chat').prices.live.output, '0.42');
});

test('entries() lists one entry per provider and model, the one in force', () => {
  const entries = catalog.entries({ at: '2025-02-01' });
  assert.equal(entries.length, 7);
  assert.equal(entries.find((entry) => entry.model === 'deepseek-chat')?.prices.live.input, '0.27');
});

test('an unknown model is unpriced: a FrugalError with the closest names, never a zero price', () => {
  assert.equal(catalog.find('gpt-4oo'), undefined);
  assert.throws(
    () => catalog.resolve('gpt-4oo'),
    (error: unknown) => {
      assert.ok(FrugalError.isInstance(error));
      assert.equal(error.code, 'FRUGAL_UNKNOWN_MODEL');
      assert.match(error.message, /^model "gpt-4oo" is not in the catalog, so it is unpriced; closest: gpt-4o/);
      assert.deepEqual(error.details?.suggestions, ['gpt-4o']);
      return true;
    },
  );
  assert.throws(() => catalog.resolve('gpt-4o', { provider: 'groq' }), /for provider "groq"/);
});

test('suggestions rank substring matches before near spellings', () => {
  assert.deepEqual(catalog.suggestions('sonnet'), ['claude-sonnet-4-5', 'anthropic/claude-sonnet-4.5']);
  assert.deepEqual(catalog.suggestions('deepsek-chat'), ['deepseek-chat']);
  assert.deepEqual(catalog.suggestions('openai/gpt-4oo'), ['gpt-4o']);
  assert.deepEqual(catalog.suggestions('zzzzzzzz'), []);
});

test('an invalid time is an argument error', () => {
  assert.throws(() => catalog.resolve('gpt-4o', { at: 'yesterday' }), { code: 'FRUGAL_INVALID_ARGUMENT' });
});

test('a malformed catalog names the entry and the field', () => {
  const broken = structuredClone(file);
  broken.entries[1]!.prices.live.input = '-2.5';
  assert.throws(() => Catalog.fromFile(broken), {
    code: 'FRUGAL_INVALID_CATALOG',
    message: 'catalog entry 1 (openai/gpt-4o): prices.live.input must be a non-negative decimal string such as "2.5", got "-2.5"',
  });
  const repeated = structuredClone(file);
  repeated.entries.push(testEntry({ provider: 'OpenAI', model: 'GPT-4o' }));
  assert.throws(() => Catalog.fromFile(repeated), /catalog entry 8 \(OpenAI\/GPT-4o\): effectiveFrom 2026-07-24 repeats/);
  const noCapabilities = structuredClone(file) as unknown as { entries: Record<string, unknown>[] };
  delete noCapabilities.entries[0]!.capabilities;
  assert.throws(() => Catalog.fromFile(noCapabilities as unknown as CatalogFile), /catalog entry 0 \(openrouter\/gpt-4o\): capabilities must be an object/);
});

test('a price finer than the engine can hold is rejected when the catalog is built, naming the entry and field', () => {
  // 6 decimals in USD per million tokens = 1 pico-USD per token, the engine's unit.
  const fine = structuredClone(file);
  fine.entries[1]!.longContext = [{ aboveInputTokens: 128_000, prices: { live: { input: '5' }, batch: { input: '2.5000001' } } }];
  assert.throws(() => Catalog.fromFile(fine), {
    code: 'FRUGAL_INVALID_CATALOG',
    message:
      'catalog entry 1 (openai/gpt-4o): longContext[0].prices.batch.input must be a decimal with at most 6 decimals ' +
      '(USD per million tokens; the cost engine counts whole pico-USD per token), got "2.5000001"',
  });
  const fee = structuredClone(file);
  fee.entries[1]!.fees = { perToolCall: { web_search: '0.0000000000001' } };
  assert.throws(() => Catalog.fromFile(fee), /catalog entry 1 \(openai\/gpt-4o\): fees\.perToolCall\.web_search must be a decimal with at most 12 decimals/);
  const multiplier = structuredClone(file);
  multiplier.entries[1]!.regionMultipliers = { eu: '1.1000001' };
  assert.throws(() => Catalog.fromFile(multiplier), /regionMultipliers\.eu must be a decimal with at most 6 decimals, got "1\.1000001"/);
  // Trailing zeros are not decimals: "2.50000000" is 2.5.
  const padded = structuredClone(file);
  padded.entries[1]!.prices.live.input = '2.50000000';
  assert.equal(Catalog.fromFile(padded).resolve('gpt-4o').prices.live.input, '2.50000000');
});

test('a first-party alias wins over a reseller model id of the same name', () => {
  const shared = Catalog.fromFile({
    version: 't',
    entries: [
      testEntry({ provider: 'openrouter', model: 'gpt-4o-latest' }),
      testEntry({ provider: 'openai', model: 'gpt-4o', aliases: ['gpt-4o-latest'] }),
    ],
  });
  assert.equal(shared.resolve('gpt-4o-latest').provider, 'openai');
  assert.equal(shared.resolve('gpt-4o-latest', { provider: 'openrouter' }).model, 'gpt-4o-latest');
});

test('a model with a single dated entry resolves without reading the clock', () => {
  const now = mock.method(Date, 'now');
  try {
    assert.equal(catalog.resolve('claude-sonnet-4-5').model, 'claude-sonnet-4-5');
    assert.equal(now.mock.callCount(), 0);
    // A dated history still picks the entry in force now.
    assert.equal(catalog.resolve('deepseek-chat').prices.live.output, '0.42');
    assert.equal(now.mock.callCount(), 1);
  } finally {
    now.mock.restore();
  }
});

/** Milliseconds for `calls` resolves of `model`, after the first lookup is memoized. */
function resolveTime(model: string, provider: string, calls: number): number {
  const options = { provider };
  catalog.resolve(model, options);
  const start = performance.now();
  for (let index = 0; index < calls; index++) catalog.resolve(model, options);
  return performance.now() - start;
}

test('resolving a long name costs about what a short one does (no key string built per call)', () => {
  // The fastest of many interleaved rounds on each side, so a pause from other work on the
  // machine counts on neither. Building a "provider\0model" key per call made a 26-character
  // name about 2.5 × slower than "gpt-5".
  let short = Number.POSITIVE_INFINITY;
  let long = Number.POSITIVE_INFINITY;
  for (let round = 0; round < 40; round++) {
    short = Math.min(short, resolveTime('gpt-5', 'openai', 10_000));
    long = Math.min(long, resolveTime('claude-sonnet-4-5-20250929', 'anthropic', 10_000));
  }
  assert.ok(long < 1.8 * short, `long names took ${(long / short).toFixed(2)} × the time of short ones`);
});
