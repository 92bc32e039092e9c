import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testEntry } from '../../catalog/test-entry.ts';
import type { CatalogEntry } from '../../catalog/types.ts';
import { runCli } from '../../../test/support/run-cli.ts';

const run = (...argv: string[]) => runCli('prices', argv);

const directory = mkdtempSync(join(tmpdir(), 'frugal-prices-'));
after(() => rmSync(directory, { recursive: true, force: true }));

function writeCatalog(name: string, entries: CatalogEntry[]): string {
  const path = join(directory, name);
  writeFileSync(path, JSON.stringify({ version: name, entries }));
  return path;
}

test('prints a table of every price kind with "-" where there is none', async () => {
  const { status, stdout } = await run('claude-sonnet-4-5', '--provider', 'anthropic');
  assert.equal(status, 0);
  const lines = stdout.split('\n');
  assert.match(lines[0]!, /^model\s+provider\s+context\s+input\s+cache read\s+write 5m\s+write 1h\s+output\s+reasoning\s+batch in\s+batch out\s+flex in\s+flex out\s+priority in\s+priority out$/);
  assert.deepEqual(lines[1]!.split(/\s{2,}/), ['claude-sonnet-4-5', 'anthropic', '200,000', '3', '0.3', '3.75', '6', '15', '-', '1.5', '7.5', '-', '-', '-', '-']);
  assert.match(stdout, /USD per million tokens \("-": no price\); catalog litellm-2026-07-24\+frugal\.2; 1 model\(s\)$/);
});

test('every QUERY word must match, case-insensitively, the provider/model name', async () => {
  const { stdout } = await run('OPENAI/', 'gpt-5.5');
  const models = stdout.split('\n').slice(1, -2).map((line) => line.split(/\s+/)[0]);
  assert.deepEqual(models, ['gpt-5.5', 'gpt-5.5-pro']);
  const none = await run('no-such-model');
  assert.equal(none.status, 0);
  assert.match(none.stdout, /no model in catalog .* matches no-such-model/);
});

test('--json prints the matching entries', async () => {
  const { status, stdout } = await run('gpt-5-nano', '--provider', 'openai', '--json');
  assert.equal(status, 0);
  const entries = JSON.parse(stdout) as CatalogEntry[];
  assert.deepEqual(entries.map((entry) => entry.model), ['gpt-5-nano']);
  assert.deepEqual(entries[0]!.prices.batch, { input: '0.025', cacheRead: '0.0025', output: '0.2' });
});

test('--catalog adds hypothetical entries and --at picks the dated price', async () => {
  const path = writeCatalog('what-if.json', [
    testEntry({ provider: 'acme', model: 'acme-1', effectiveFrom: '2026-01-01', prices: { live: { input: '2', output: '8' } } }),
    testEntry({ provider: 'acme', model: 'acme-1', effectiveFrom: '2026-06-01', prices: { live: { input: '1', output: '4' } } }),
  ]);
  const before = JSON.parse((await run('acme', '--catalog', path, '--at', '2026-03-01', '--json')).stdout) as CatalogEntry[];
  assert.equal(before[0]!.prices.live.input, '2');
  const later = JSON.parse((await run('acme', '--catalog', path, '--at', '2026-07-01', '--json')).stdout) as CatalogEntry[];
  assert.equal(later[0]!.prices.live.input, '1');
});

test('--check passes the shipped catalog with warnings only (exit 0)', async () => {
  const { status, stdout } = await run('--check');
  assert.equal(status, 0);
  assert.match(stdout, /^0 error\(s\), \d+ warning\(s\) in the catalog \(version litellm-2026-07-24\+frugal\.2, 571 entries\)$/m);
});

test('--check FILE names suspicious entries and exits 1 on an error finding', async () => {
  const path = writeCatalog('suspicious.json', [
    testEntry({ provider: 'openai', model: 'gpt-5-nano', promptCacheMinTokens: 1024, prices: {
      live: { input: '0.05', cacheRead: '0.005', output: '0.4' },
      batch: { input: '0.025', output: '0.2' },
      priority: { input: '2.5', output: '0.8' },
    } }),
  ]);
  const { status, stdout } = await run('--check', path);
  assert.equal(status, 1);
  assert.match(stdout, /^error {3}openai\/gpt-5-nano {2}priority-far-above-live: priority input 2\.5 is more than 3 × the live price 0\.05$/m);
  assert.match(stdout, /1 error\(s\), 0 warning\(s\) in .*suspicious\.json \(version suspicious\.json, 1 entries\)$/);
  const json = JSON.parse((await run('--check', path, '--json')).stdout) as { rule: string }[];
  assert.deepEqual(json.map((finding) => finding.rule), ['priority-far-above-live']);
});

test('bad input is a one-line error with exit status 2', async () => {
  const notJson = join(directory, 'not.json');
  writeFileSync(notJson, '{');
  assert.deepEqual(await run('--check', notJson).then((result) => [result.status, /is not valid JSON/.test(result.stderr)]), [2, true]);
  assert.equal((await run('--check', join(directory, 'absent.json'))).status, 2);
  assert.equal((await run('--at', 'someday')).status, 2);
  assert.equal((await run('--check', 'a.json', 'b.json')).status, 2);
  const unknown = await run('--colour');
  assert.equal(unknown.status, 2);
  assert.match(unknown.stderr, /^frugal prices: Unknown option '--colour'/);
});
