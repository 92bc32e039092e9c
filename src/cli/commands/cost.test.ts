import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CatalogEntry, CatalogFile } from '../../catalog/types.ts';
import { runCli } from '../../../test/support/run-cli.ts';

const run = (...argv: string[]) => runCli('cost', argv);

const directory = mkdtempSync(join(tmpdir(), 'frugal-cost-'));
after(() => rmSync(directory, { recursive: true, force: true }));

function hypothetical(model: string, effectiveFrom: string, prices: Record<string, string>): CatalogEntry {
  return {
    provider: 'hypothetical',
    model,
    effectiveFrom,
    kind: 'chat',
    capabilities: { streaming: true, tools: true, vision: false, reasoning: false, promptCaching: true, jsonSchema: false },
    prices: { live: prices },
  };
}

// The seed's hypothetical flagship ($5 / $0.50 / $20 per M), repriced on 2026-09-01.
const catalogFile: CatalogFile = {
  version: 'hypothetical-1',
  entries: [
    hypothetical('seed-flagship', '2026-01-01', { input: '5', cacheRead: '0.50', output: '20' }),
    hypothetical('seed-flagship', '2026-09-01', { input: '4', cacheRead: '0.40', output: '16' }),
  ],
};
const catalogPath = join(directory, 'hypothetical.json');
writeFileSync(catalogPath, JSON.stringify(catalogFile));

const anthropicUsage = JSON.stringify({
  input_tokens: 2300,
  cache_read_input_tokens: 3000,
  cache_creation_input_tokens: 1500,
  cache_creation: { ephemeral_5m_input_tokens: 1000, ephemeral_1h_input_tokens: 500 },
  output_tokens: 400,
});

test('prints an itemized table and the exact total', async () => {
  const { status, stdout } = await run('--model', 'claude-sonnet-4-5', '--usage', anthropicUsage);
  assert.equal(status, 0);
  assert.match(stdout, /claude-sonnet-4-5 \(anthropic\), live prices/);
  assert.match(stdout, /usage read as anthropic/);
  assert.match(stdout, /cacheWrite1h\s+500\s+6\s+0\.003\n/);
  // 2,300 × $3 + 3,000 × $0.30 + 1,000 × $3.75 + 500 × $6 + 400 × $15 per M = $0.02055
  assert.match(stdout, /total\s+0\.02055$/m);
});

test('--json gives buckets, lines with exact USD strings, the total and the catalog version', async () => {
  const { status, stdout } = await run('--model', 'claude-sonnet-4-5', '--provider', 'anthropic', '--usage', anthropicUsage, '--json');
  assert.equal(status, 0);
  const result = JSON.parse(stdout);
  assert.equal(result.model, 'claude-sonnet-4-5');
  assert.equal(result.provider, 'anthropic');
  assert.equal(result.mode, 'live');
  assert.deepEqual(result.buckets, { input: 2300, cacheRead: 3000, cacheWrite5m: 1000, cacheWrite1h: 500, output: 400, reasoning: 0 });
  assert.deepEqual(result.lines[2], { bucket: 'cacheWrite5m', tokens: 1000, usdPerMillion: '3.75', usd: '0.00375' });
  assert.equal(result.totalUsd, '0.02055');
  assert.equal(result.complete, true);
  assert.deepEqual(result.unpriced, []);
  assert.match(result.catalogVersion, /\S/);
});

test('--catalog adds hypothetical prices; --at picks the entry in force at that date', async () => {
  const usage = JSON.stringify({ input: 5300, output: 400 });
  // 5,300 × $5/M + 400 × $20/M = $0.0265 + $0.008 = $0.0345 (seed 001, naive step)
  const before = await run('--model', 'seed-flagship', '--catalog', catalogPath, '--usage', usage, '--at', '2026-06-30', '--json');
  assert.equal(before.status, 0);
  assert.equal(JSON.parse(before.stdout).totalUsd, '0.0345');
  assert.match(JSON.parse(before.stdout).catalogVersion, /hypothetical|catalog\./);
  // After the repricing: 5,300 × $4/M + 400 × $16/M = $0.0212 + $0.0064 = $0.0276
  const after = await run('--model', 'seed-flagship', '--catalog', catalogPath, '--usage', usage, '--at', '2026-09-01', '--json');
  assert.equal(JSON.parse(after.stdout).totalUsd, '0.0276');
});

test('--usage @FILE reads a whole response body; its echoed service tier sets the mode', async () => {
  const path = join(directory, 'response.json');
  writeFileSync(path, JSON.stringify({ object: 'chat.completion', service_tier: 'flex', usage: { prompt_tokens: 10_000, completion_tokens: 1000 } }));
  const { status, stdout } = await run('--model', 'gpt-5', '--usage', `@${path}`, '--json');
  assert.equal(status, 0);
  const result = JSON.parse(stdout);
  assert.equal(result.mode, 'flex');
  // flex: 10,000 × $0.625/M + 1,000 × $5/M = $0.00625 + $0.005
  assert.equal(result.totalUsd, '0.01125');
  // An explicit --mode wins over the echoed tier: priority 10,000 × $2.50 + 1,000 × $20 = $0.045
  const priority = await run('--model', 'gpt-5', '--usage', `@${path}`, '--mode', 'priority', '--json');
  assert.equal(JSON.parse(priority.stdout).totalUsd, '0.045');
});

test('--usage-format reads an ambiguous object the way it is told', async () => {
  const usage = JSON.stringify({ input_tokens: 100, output_tokens: 10 });
  const { stdout } = await run('--model', 'gpt-5', '--usage', usage, '--usage-format', 'openai-responses', '--json');
  assert.equal(JSON.parse(stdout).usageFormat, 'openai-responses');
});

test('a partly unpriced result lists what is unpriced and exits 1', async () => {
  // OpenAI publishes no cache-write price: Anthropic-style writes repriced on gpt-5 are unpriced, not $0.
  const usage = JSON.stringify({ input: 1000, cacheWrite5m: 2000, output: 100 });
  const text = await run('--model', 'gpt-5', '--provider', 'openai', '--usage', usage);
  assert.equal(text.status, 1);
  assert.match(text.stdout, /cacheWrite5m\s+2,000\s+unpriced\s+-/);
  assert.match(text.stdout, /incomplete: the catalog has no live price for cacheWrite5m/);
  const json = await run('--model', 'gpt-5', '--provider', 'openai', '--usage', usage, '--json');
  assert.equal(json.status, 1);
  const result = JSON.parse(json.stdout);
  assert.equal(result.complete, false);
  assert.deepEqual(result.unpriced, ['cacheWrite5m']);
  assert.deepEqual(result.lines[1], { bucket: 'cacheWrite5m', tokens: 2000, usdPerMillion: null, usd: null, unpriced: true });
  // 1,000 × $1.25/M + 100 × $10/M = $0.00125 + $0.001 = $0.00225 (the priced lines only)
  assert.equal(result.totalUsd, '0.00225');
});

test('bad input is one clear line and exit 2, never a stack trace', async () => {
  const cases: [string[], RegExp][] = [
    [['--model', 'claude-sonet-4.5', '--usage', '{"input":1}'], /model "claude-sonet-4\.5" is not in the catalog.*closest: .*claude-sonnet-4-5/],
    [['--model', 'gpt-5', '--usage', '{"prompt_tokens":3,'], /--usage is not valid JSON/],
    [['--model', 'gpt-5', '--usage', '{"prompt_tokens":-3,"completion_tokens":1}'], /usage field prompt_tokens must be a non-negative integer token count, got -3/],
    [['--model', 'gpt-5', '--usage', '{"prompt_tokens":3,"completion_tokens":1.5}'], /usage field completion_tokens .* got 1\.5/],
    [['--model', 'gpt-5', '--usage', '{"tokens":3}'], /usage has no field of a known usage format/],
    [['--model', 'gpt-5', '--usage', '{"input":1}', '--mode', 'cheap'], /unknown --mode "cheap"; expected one of live, batch, flex, priority/],
    [['--model', 'gpt-5', '--usage', '{"input":1}', '--usage-format', 'bedrock'], /unknown --usage-format "bedrock"/],
    [['--model', 'gpt-5', '--usage', '{"input":1}', '--at', 'yesterday'], /--at "yesterday" is not an ISO date/],
    [['--usage', '{"input":1}'], /--model is required/],
    [['--model', 'gpt-5'], /--usage is required/],
    [['--model', 'gpt-5', '--usage', `@${join(directory, 'absent.json')}`], /cannot read .*absent\.json/],
  ];
  for (const [argv, expected] of cases) {
    const { status, stdout, stderr } = await run(...argv);
    assert.equal(status, 2, argv.join(' '));
    assert.equal(stdout, '');
    assert.match(stderr, /^frugal cost: /);
    assert.match(stderr, expected);
    assert.doesNotMatch(stderr, /\n\s+at /);
  }
});
