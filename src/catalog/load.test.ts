import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCatalog, loadShippedCatalog } from './load.ts';
import { testEntry } from './test-entry.ts';

const directory = await mkdtemp(join(tmpdir(), 'frugal-catalog-'));

test('the shipped catalog loads once and prices the first-party models', () => {
  const catalog = loadShippedCatalog();
  assert.equal(loadShippedCatalog(), catalog);
  assert.equal(catalog.version, 'litellm-2026-07-24+frugal.2');
  assert.deepEqual(catalog.resolve('anthropic/claude-sonnet-4-5').prices.live, {
    input: '3', cacheRead: '0.3', cacheWrite5m: '3.75', cacheWrite1h: '6', output: '15',
  });
  assert.equal(catalog.resolve('gpt-4o').provider, 'openai');
});

test('extra catalogs replace the models they name; overrides apply last', async () => {
  const extra = join(directory, 'hypothetical.json');
  await writeFile(extra, JSON.stringify({
    version: 'what-if',
    entries: [
      testEntry({ provider: 'openai', model: 'gpt-4o', effectiveFrom: '2020-01-01', prices: { live: { input: '1', output: '2' } } }),
      testEntry({ provider: 'acme', model: 'acme-1', prices: { live: { input: '3', output: '3' } } }),
    ],
  }));
  const overrides = join(directory, 'frugal.yaml');
  await writeFile(overrides, 'discounts:\n  - provider: acme\n    multiplier: "0.5"\n');
  const catalog = await loadCatalog({ extraCatalogs: [extra], overrides });
  assert.deepEqual(catalog.resolve('gpt-4o').prices.live, { input: '1', output: '2' });
  assert.deepEqual(catalog.resolve('acme-1').prices.live, { input: '1.5', output: '1.5' });
  assert.match(catalog.version, /^litellm-2026-07-24\+frugal\.2\+catalog\.[0-9a-f]{8}\+overrides\.[0-9a-f]{8}$/);
  assert.equal(catalog.resolve('claude-haiku-4-5').provider, 'anthropic');
});

test('unreadable or malformed catalog files are clear errors', async () => {
  await assert.rejects(loadCatalog({ extraCatalogs: [join(directory, 'absent.json')] }), /cannot read .*absent\.json: no such file/);
  const broken = join(directory, 'broken.json');
  await writeFile(broken, JSON.stringify({ version: 'x', entries: [{ provider: 'a', model: 'b' }] }));
  await assert.rejects(loadCatalog({ extraCatalogs: [broken] }), {
    code: 'FRUGAL_INVALID_CATALOG',
    message: /broken\.json: catalog entry 0 \(a\/b\): effectiveFrom must be an ISO date/,
  });
  const notJson = join(directory, 'not.json');
  await writeFile(notJson, '{');
  await assert.rejects(loadCatalog({ extraCatalogs: [notJson] }), /is not valid JSON/);
});
