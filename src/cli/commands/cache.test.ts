import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { readParaphraseFile } from '../../cache/semantic/evaluation/paraphrase-data.ts';
import { startEmulator, type RunningEmulator } from '../../emulator/start-emulator.ts';
import { captureIO } from '../capture-io.ts';
import { main } from '../main.ts';

const directory = mkdtempSync(join(tmpdir(), 'frugal-cache-'));
const pairsFile = join(directory, 'pairs.jsonl');
const fewPairsFile = join(directory, 'few-pairs.jsonl');
let emulator: RunningEmulator;

before(async () => {
  // 600 Quora pairs: enough for every part of the split, small enough to be quick.
  const lines = readParaphraseFile('qqp-dev.jsonl').map((pair) => JSON.stringify(pair));
  writeFileSync(pairsFile, `${lines.slice(0, 600).join('\n')}\n`);
  writeFileSync(fewPairsFile, `${lines.slice(0, 80).join('\n')}\n`);
  emulator = await startEmulator();
});
after(async () => {
  await emulator.close();
  rmSync(directory, { recursive: true, force: true });
});

async function run(argv: string[], env: Record<string, string> = {}) {
  const captured = captureIO(env);
  const status = await main(['cache', ...argv], captured.io);
  return { status, stdout: captured.stdout(), stderr: captured.stderr() };
}

test('cache eval --json: the chosen threshold with held-out precision, recall, false-hit rate and the curve', async () => {
  const { status, stdout } = await run(['eval', '--pairs', pairsFile, '--json']);
  assert.equal(status, 0);
  const report = JSON.parse(stdout);
  assert.equal(report.method, 'cosine+verifier');
  assert.equal(report.chosenOn, 'model');
  assert.equal(typeof report.threshold, 'number');
  assert.equal(report.curve.length, 201);
  const atThreshold = report.curve.find((point: { threshold: number }) => point.threshold === report.threshold);
  assert.equal(atThreshold.falseHitRate, report.falseHitRate);
  assert.equal(report.precision, report.correctHits / (report.correctHits + report.falseHits));
  assert.equal(report.split.development + report.split.heldOut, 600);
  assert.equal(report.cosine.method, 'cosine');
  assert.ok(report.cosine.threshold === null || report.cosine.chosenOn === 'development');
});

test('cache eval --threshold reports at that threshold; --verifier none evaluates plain cosine', async () => {
  const fixed = JSON.parse((await run(['eval', '--pairs', pairsFile, '--threshold', '0.5', '--json'])).stdout);
  assert.equal(fixed.threshold, 0.5);
  assert.equal(fixed.chosenOn, 'option');
  const plain = JSON.parse((await run(['eval', '--pairs', pairsFile, '--verifier', 'none', '--threshold', '0.9', '--json'])).stdout);
  assert.equal(plain.method, 'cosine');
  assert.equal(plain.verifier, null);
  assert.equal(plain.threshold, 0.9);
});

test('cache eval prints a table with both methods and the held-out curve', async () => {
  const { status, stdout } = await run(['eval', '--pairs', pairsFile]);
  assert.equal(status, 0);
  assert.match(stdout, /^method +threshold +chosen on +precision +recall +false-hit rate/m);
  assert.match(stdout, /^cosine \+ verifier +0\.\d+ +model/m);
  assert.match(stdout, /held-out curve, cosine \+ verifier/);
});

test('cache eval measures provider embeddings through the configured endpoint', async () => {
  const configFile = join(directory, 'frugal.yaml');
  writeFileSync(configFile, `providers:\n  local:\n    type: openai-compatible\n    baseUrl: ${emulator.urls.openai}\n    apiKeyEnv: LOCAL_KEY\n`);
  const { status, stdout } = await run(
    ['eval', '--pairs', fewPairsFile, '--embedder', 'local/text-embedding-3-small', '--config', configFile, '--json'],
    { LOCAL_KEY: 'sk-test' },
  );
  assert.equal(status, 0);
  assert.equal(JSON.parse(stdout).embedder, 'embeddings:text-embedding-3-small:1536');
});

test('cache eval --retrieval runs GPTCache’s benchmark: correct, wrong and missed lookups add up', async () => {
  const report = JSON.parse((await run(['eval', '--pairs', pairsFile, '--retrieval', '--json'])).stdout);
  const duplicates = readParaphraseFile('qqp-dev.jsonl').slice(0, 600).filter((pair) => pair.duplicate).length;
  for (const row of report.retrieval) assert.equal(row.correct + row.wrong + row.miss, duplicates);
});

test('bad invocations exit 2 with a message naming the problem', async () => {
  assert.deepEqual(await run(['eval']).then((result) => [result.status, /--pairs FILE is required/.test(result.stderr)]), [2, true]);
  assert.match((await run(['eval', '--pairs', pairsFile, '--threshold', '2'])).stderr, /--threshold must be a number from 0 to 1, got "2"/);
  assert.match((await run(['eval', '--pairs', pairsFile, '--verifier', 'llm'])).stderr, /--verifier must be "classifier" or "none"/);
  assert.match((await run(['stats'])).stderr, /unknown subcommand "stats"/);
  const broken = join(directory, 'broken.jsonl');
  writeFileSync(broken, '{"a": "x", "b": "y", "duplicate": true}\n{"a": 1}\n');
  assert.match((await run(['eval', '--pairs', broken])).stderr, /broken\.jsonl line 2: expected \{"a": string, "b": string, "duplicate": boolean\}/);
});
