import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../main.ts';
import { captureIO } from '../capture-io.ts';

async function run(...argv: string[]) {
  const captured = captureIO();
  const status = await main(['route', ...argv], captured.io);
  return { status, stdout: captured.stdout(), stderr: captured.stderr() };
}

const directory = mkdtempSync(join(tmpdir(), 'frugal-route-'));
after(() => rmSync(directory, { recursive: true, force: true }));

/**
 * 240 two-model items: "weak" answers arithmetic questions right and fails the ones about
 * "fractions"; "strong" is right on all but every tenth. Costs recorded: $0.0001 and $0.002.
 */
function writeDataset(): string {
  const lines = Array.from({ length: 240 }, (_, index) => {
    const hard = index % 3 === 0;
    const content = hard
      ? `Compute the sum of the fractions ${index}/7 and ${index + 1}/9 and simplify the fractions.`
      : `Tom has ${index} apples and buys ${index % 5} more. How many apples does Tom have?`;
    return JSON.stringify({
      id: `synthetic.${index}`,
      source: 'synthetic',
      messages: [{ role: 'user', content }],
      outcomes: {
        weak: { score: hard ? 0 : 1, cost_usd: 0.0001, response: `#### ${index}` },
        strong: { score: index % 10 === 0 ? 0 : 1, cost_usd: 0.002, response: `#### ${index}` },
      },
    });
  });
  const path = join(directory, 'outcomes.jsonl');
  writeFileSync(path, lines.join('\n') + '\n');
  return path;
}

const data = writeDataset();

test('eval --json reports singles, oracle, random, the curve and the metrics on held-out items', async () => {
  const { status, stdout, stderr } = await run('eval', '--train', data, '--test', data, '--router', 'knn', '--target-quality', '0.85', '--json');
  assert.equal(status, 0, stderr);
  const report = JSON.parse(stdout);
  for (const field of ['singles', 'oracle', 'random', 'curve', 'apgr', 'cpt50', 'cpt80', 'bestSingle', 'matchBestSingle']) assert.ok(field in report, field);
  assert.deepEqual(report.singles.map((single: { model: string }) => single.model), ['weak', 'strong']);
  assert.equal(report.items.train + report.items.validation + report.items.test, 240);
  // The router learns that "fractions" questions need the strong model: it beats the random line.
  assert.ok(report.apgr > 0.6, `APGR ${report.apgr}`);
  assert.ok(report.matchBestSingle.costRatio < 1);
  for (const key of ['quality', 'costUsdPer1k', 'costRatio']) assert.equal(typeof report.matchBestSingle[key], 'number');
  assert.equal(typeof report.selected.calibratedOn.items, 'number');
  assert.match(stderr, /frugal route: \[[\d.]+ s\] training knn/);
});

test('eval prints a readable report; cross-validation covers every item', async () => {
  const { status, stdout } = await run('eval', '--train', data, '--test', data, '--router', 'cascade-verdict', '--folds', '3');
  assert.equal(status, 0);
  assert.match(stdout, /^router: cascade-verdict/);
  assert.match(stdout, /3-fold cross-validation/);
  assert.match(stdout, /test 240/);
  assert.match(stdout, /APGR \(RouteLLM\): [\d.]+/);
  assert.match(stdout, /cheapest point matching it: quality/);
});

test('train writes a calibrated model; calibrate rewrites its decision for a premium share', async () => {
  const model = join(directory, 'router.json');
  const trained = await run('train', '--data', data, '--out', model, '--router', 'knn');
  assert.equal(trained.status, 0, trained.stderr);
  assert.match(trained.stdout, /trained a knn router on \d+ items/);
  const calibrated = await run('calibrate', '--model', model, '--data', data, '--premium-share', '0.2');
  assert.equal(calibrated.status, 0, calibrated.stderr);
  const file = JSON.parse(readFileSync(model, 'utf8'));
  assert.equal(file.kind, 'knn');
  assert.equal(file.calibration.target, 'premium-share');
  assert.ok(file.calibration.achieved.premiumShare <= 0.2);
  assert.equal(file.decision.rule, 'utility');
});

test('bad input exits 2 with a message naming the problem', async () => {
  const missing = await run('eval', '--train', join(directory, 'absent.jsonl'), '--test', data, '--router', 'knn');
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /absent\.jsonl is absent/);
  const unknown = await run('eval', '--train', data, '--test', data, '--router', 'telepathy');
  assert.equal(unknown.status, 2);
  assert.match(unknown.stderr, /unknown router "telepathy"; routers: default, knn/);
  const none = await run();
  assert.equal(none.status, 2);
  assert.match(none.stderr, /subcommand is required/);
  const noTarget = await run('calibrate', '--model', 'x.json', '--data', data);
  assert.equal(noTarget.status, 2);
  assert.match(noTarget.stderr, /--target-quality Q or --premium-share S/);
});
