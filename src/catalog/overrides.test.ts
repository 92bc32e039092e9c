import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Catalog } from './catalog.ts';
import { applyOverrides, parseOverrides } from './overrides.ts';
import { testEntry } from './test-entry.ts';
import type { CatalogFile } from './types.ts';

const base: CatalogFile = {
  version: 'v1',
  entries: [
    testEntry({
      provider: 'openai', model: 'gpt-4o',
      prices: { live: { input: '2.5', cacheRead: '1.25', output: '10' }, batch: { input: '1.25', output: '5' } },
      longContext: [{ aboveInputTokens: 128_000, prices: { live: { input: '5', output: '20' } } }],
    }),
    testEntry({ provider: 'openai', model: 'gpt-4o-mini', prices: { live: { input: '0.15', output: '0.6' } } }),
    testEntry({ provider: 'anthropic', model: 'claude-sonnet-4-5', prices: { live: { input: '3', output: '15' } } }),
  ],
};

function apply(yaml: string): Catalog {
  return Catalog.fromFile(applyOverrides(base, parseOverrides(yaml, 'frugal.yaml'), 'abcd1234'));
}

test('negotiated discounts multiply prices exactly, by provider, model glob and mode', () => {
  const catalog = apply(`
discounts:
  - provider: openai
    model: "gpt-4o*"
    multiplier: "0.8"
    modes: [live]
  - provider: anthropic
    multiplier: "0.85"
`);
  // 2.5 × 0.8 = 2, 1.25 × 0.8 = 1, 10 × 0.8 = 8; the tier too: 5 × 0.8 = 4, 20 × 0.8 = 16.
  const gpt = catalog.resolve('gpt-4o');
  assert.deepEqual(gpt.prices.live, { input: '2', cacheRead: '1', output: '8' });
  assert.deepEqual(gpt.prices.batch, { input: '1.25', output: '5' });
  assert.deepEqual(gpt.longContext?.[0]?.prices.live, { input: '4', output: '16' });
  // 0.15 × 0.8 = 0.12, 0.6 × 0.8 = 0.48.
  assert.deepEqual(catalog.resolve('gpt-4o-mini').prices.live, { input: '0.12', output: '0.48' });
  // 3 × 0.85 = 2.55, 15 × 0.85 = 12.75.
  assert.deepEqual(catalog.resolve('claude-sonnet-4-5').prices.live, { input: '2.55', output: '12.75' });
  assert.equal(catalog.version, 'v1+overrides.abcd1234');
  assert.match(gpt.source ?? '', /discount ×0\.8 \(live\)/);
});

test('custom models and private deployments are added as full entries (JSON works too)', () => {
  const catalog = apply(JSON.stringify({
    models: [{ provider: 'vllm', model: 'llama-3.1-70b-internal', prices: { live: { input: '0.4', output: '0.4' } }, capabilities: { tools: true } }],
  }));
  const entry = catalog.resolve('llama-3.1-70b-internal');
  assert.equal(entry.provider, 'vllm');
  assert.equal(entry.kind, 'chat');
  assert.deepEqual(entry.capabilities, { streaming: true, tools: true, vision: false, reasoning: false, promptCaching: false, jsonSchema: false });
});

test('corrected prices merge into existing entries; null removes a price', () => {
  const catalog = apply(`
prices:
  - provider: openai
    model: GPT-4o
    prices:
      live: { output: "9", cacheRead: null }
`);
  assert.deepEqual(catalog.resolve('gpt-4o').prices.live, { input: '2.5', output: '9' });
  assert.deepEqual(catalog.resolve('gpt-4o').prices.batch, { input: '1.25', output: '5' });
});

test('mistakes are reported with the file and field path', () => {
  assert.throws(() => apply('discounts:\n  - provider: openai\n    multiplier: 0.8\n'), {
    code: 'FRUGAL_INVALID_CONFIG',
    message: 'overrides frugal.yaml: discounts[0]: multiplier must be a non-negative decimal string such as "0.8" (quote it in YAML), got 0.8',
  });
  assert.throws(() => apply('discounts:\n  - provider: openai\n    multiplier: "0.8"\n    modes: [cheap]\n'), /discounts\[0\]: modes must be a list of live, batch, flex, priority/);
  assert.throws(() => apply('models:\n  - provider: x\n    model: y\n    prices: { live: { input: "abc" } }\n'), {
    code: 'FRUGAL_INVALID_CONFIG',
    message: 'overrides frugal.yaml: models[0]: prices.live.input must be a non-negative decimal string such as "2.5", got "abc"',
  });
  assert.throws(() => apply('prices:\n  - provider: openai\n    model: gpt-9\n    prices: { live: { input: "1" } }\n'), /prices\[0\]: model openai\/gpt-9 is not in the catalog; add it under models/);
  assert.throws(() => apply('prices:\n  - provider: openai\n    model: gpt-4o\n    prices: { live: { input: "-1" } }\n'), /prices\[0\] \(openai\/gpt-4o\): prices.live.input must be a non-negative decimal/);
  assert.throws(() => apply('models:\n  - provider: x\n    model: y\n    prices: { live: { input: "0.1234567" } }\n'), {
    code: 'FRUGAL_INVALID_CONFIG',
    message:
      'overrides frugal.yaml: models[0]: prices.live.input must be a decimal with at most 6 decimals ' +
      '(USD per million tokens; the cost engine counts whole pico-USD per token), got "0.1234567"',
  });
  // A discounted price must be exact too: 2.5 × 0.1234567 = 0.30864175 has 8 decimals.
  assert.throws(() => apply('discounts:\n  - provider: openai\n    model: gpt-4o\n    multiplier: "0.1234567"\n'), {
    code: 'FRUGAL_INVALID_CONFIG',
    message: /^overrides frugal\.yaml: discounts\[0\] \(openai\/gpt-4o\): prices\.live\.input must be a decimal with at most 6 decimals .*, got "0\.30864175"$/,
  });
  assert.throws(() => apply('discount: []\n'), /discount is not a known section/);
  assert.throws(() => apply('models: [\n'), /not valid YAML or JSON/);
});
