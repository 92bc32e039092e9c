import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { runCli } from '../../../test/support/run-cli.ts';
import { WEATHER_REQUEST } from '../../tokens/cookbook-weather-request.ts';

const OPENAI_EXAMPLE = 'examples/agent-step.openai.json';
const ANTHROPIC_EXAMPLE = 'examples/agent-step.anthropic.json';
const directory = mkdtempSync(join(tmpdir(), 'frugal-estimate-'));

function requestFile(name: string, body: unknown): string {
  const path = join(directory, name);
  writeFileSync(path, typeof body === 'string' ? body : JSON.stringify(body));
  return path;
}

const run = (...argv: string[]) => runCli('estimate', argv);

test('prices the exact count of a small request; a prefix under the cache minimum is not cached', async () => {
  const path = requestFile('weather.json', WEATHER_REQUEST);
  const { status, stdout } = await run('--request', path, '--models', 'gpt-4o', '--output-tokens', '100', '--json');
  assert.equal(status, 0);
  const report = JSON.parse(stdout);
  assert.equal(report.request.protocol, 'openai');
  const [gpt4o] = report.models;
  assert.equal(gpt4o.inputTokens, 101);
  assert.equal(gpt4o.exact, true);
  // 101 × $2.50/M + 100 × $10/M = 0.0002525 + 0.001 = 0.0012525
  assert.equal(gpt4o.costPerCall.live.totalUsd, '0.0012525');
  // batch: 101 × $1.25/M + 100 × $5/M = 0.00012625 + 0.0005 = 0.00062625
  assert.equal(gpt4o.costPerCall.batch.totalUsd, '0.00062625');
  // system 18 + tools 68 = 86 tokens of prefix, under gpt-4o's 1,024-token minimum.
  assert.equal(gpt4o.stablePrefixTokens, 86);
  assert.equal(gpt4o.cacheable, false);
  assert.equal(gpt4o.costPerCall.liveCached, null);
});

test('the bundled agent step: prefix cached at the cache-read price, as exact decimal strings', async () => {
  const { status, stdout } = await run('--request', OPENAI_EXAMPLE, '--models', 'gpt-4.1,claude-sonnet-4-5', '--output-tokens', '400', '--json');
  assert.equal(status, 0);
  const report = JSON.parse(stdout);
  const gpt41 = report.models.find((model: { model: string }) => model.model === 'gpt-4.1');
  assert.equal(gpt41.isRequestModel, true);
  assert.equal(gpt41.inputTokens, 5450);
  assert.equal(gpt41.stablePrefixTokens, 3176);
  // live: 5,450 × $2/M + 400 × $8/M = 0.0109 + 0.0032 = 0.0141
  assert.equal(gpt41.costPerCall.live.totalUsd, '0.0141');
  // cached: 2,274 × $2/M + 3,176 × $0.50/M + 400 × $8/M = 0.004548 + 0.001588 + 0.0032 = 0.009336
  assert.equal(gpt41.costPerCall.liveCached.totalUsd, '0.009336');
  // batch: 5,450 × $1/M + 400 × $4/M = 0.00705; the catalog has no batch cache-read price for gpt-4.1.
  assert.equal(gpt41.costPerCall.batch.totalUsd, '0.00705');
  assert.equal(gpt41.costPerCall.batchCached, null);
  // OpenAI caches automatically: no write premium, no break-even.
  assert.equal(gpt41.costPerCall.firstCallCacheWrite, null);
  const sonnet = report.models.find((model: { model: string }) => model.model === 'claude-sonnet-4-5');
  assert.equal(sonnet.exact, false);
  assert.deepEqual(sonnet.cacheWriteBreakEven, { ttl: '5m', writeRatio: '1.25', readRatio: '0.1', minimumReads: 1 });
  // The first call writes the prefix at $3.75/M instead of reading it at $0.30/M.
  const prefix = sonnet.stablePrefixTokens;
  const rest = sonnet.inputTokens - prefix;
  assert.equal(sonnet.costPerCall.firstCallCacheWrite.buckets.cacheWrite5m, prefix);
  assert.equal(sonnet.costPerCall.firstCallCacheWrite.buckets.input, rest);
  const sorted = report.models.map((model: { costPerCall: { live: { totalUsd: string } } }) => Number(model.costPerCall.live.totalUsd));
  assert.deepEqual(sorted, [...sorted].sort((a, b) => a - b));
});

test('the demo output explains the count, the prefix and the assumption, cheapest first', async () => {
  const { status, stdout } = await run('--request', OPENAI_EXAMPLE);
  assert.equal(status, 0);
  assert.match(stdout, /OpenAI Chat Completions, model gpt-4\.1\./);
  assert.match(stdout, /Input: 5,450 tokens .*counted exactly/);
  assert.match(stdout, /Stable prefix: 3,176 tokens \(58% of the input\)/);
  assert.match(stdout, /Output: 400 tokens per call assumed.*up to 1,024.*--output-tokens/);
  assert.match(stdout, /gpt-4\.1 \*/);
  assert.match(stdout, /~\d[\d,]* /, 'estimated counts are marked');
  assert.match(stdout, /what it bills/);
  const rows = stdout.split('\n').filter((line) => /^ {2}\S+.*\$\d/.test(line));
  assert.ok(rows.length >= 5, 'a spread of providers and tiers');
  const live = rows.map((row) => Number(/\$(\d+\.\d+)/.exec(row)![1]));
  assert.deepEqual(live, [...live].sort((a, b) => a - b));
});

test('an Anthropic request is detected and estimated, with the cache write premium explained', async () => {
  const { status, stdout } = await run('--request', ANTHROPIC_EXAMPLE, '--models', 'claude-sonnet-4-5');
  assert.equal(status, 0);
  assert.match(stdout, /Anthropic Messages, model claude-sonnet-4-5\./);
  assert.match(stdout, /estimated for claude-sonnet-4-5/);
  assert.match(stdout, /through the last cache_control breakpoint/);
  assert.match(stdout, /claude-sonnet-4-5: the first call writes the prefix at 1\.25× the input price .* pays off after 1 read/);
});

test('bad input: a clear message and exit status 2', async () => {
  const cases: [string[], RegExp][] = [
    [[], /--request FILE is required/],
    [['--request', join(directory, 'missing.json')], /cannot read .*missing\.json/],
    [['--request', requestFile('broken.json', '{"messages": [')], /broken\.json is not valid JSON/],
    [['--request', requestFile('prompt.json', { prompt: 'hi' })], /messages must be an array/],
    [['--request', requestFile('role.json', { model: 'gpt-4o', messages: [{ role: 'robot', content: 'hi' }] })], /messages\[0\]\.role must be one of/],
    [['--request', OPENAI_EXAMPLE, '--models', 'gpt-9-ultra'], /model "gpt-9-ultra" is not in the catalog, so it is unpriced/],
    [['--request', OPENAI_EXAMPLE, '--output-tokens', '2.5'], /--output-tokens must be a non-negative integer/],
    [['--request', OPENAI_EXAMPLE, '--speed'], /Unknown option '--speed'/],
  ];
  for (const [argv, message] of cases) {
    const { status, stderr, stdout } = await run(...argv);
    assert.equal(status, 2, argv.join(' '));
    assert.match(stderr, /^frugal estimate: /);
    assert.match(stderr, message);
    assert.equal(stdout, '');
  }
});
