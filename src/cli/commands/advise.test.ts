/**
 * `frugal advise` through main() on a SQLite ledger filled with requests built so the answer is
 * known. Prices in pico-USD per token (test-requests.ts): claude-haiku-4-5 input 1,000,000,
 * 5-minute cache write 1,250,000; gpt-4o-mini input 150,000, output and reasoning 600,000
 * (batch, from the shipped catalog: input 75,000, output 300,000).
 *
 *   W1–W3  haiku, feature summarize, 2026-09-01: 200 in + 5,000 cache write each, never read
 *          → 3 × 5,000 × (1,250,000 − 1,000,000) = 3,750,000,000 observed
 *   S1     gpt-4o-mini, 2026-09-05: 500 in + 50 out + 1,000 reasoning → 1,000 × 600,000 = 600,000,000 observed
 *   B1     gpt-4o-mini, x-frugal-property-interactive: false, 2026-09-10: 10,000 in + 1,000 out
 *          → live 2,100,000,000 − batch 1,050,000,000 = 1,050,000,000 observed
 * Window 2026-09-01..10 = 10 days, so monthly = observed × 3.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { haikuRequest, MINI, pricedRequest } from '../../analytics/advisor/test-requests.ts';
import { attemptFor } from '../../ledger/sample-records.ts';
import { openLedgerStore } from '../../ledger/index.ts';
import { captureIO } from '../capture-io.ts';
import { main } from '../main.ts';

let directory: string;
let ledgerPath: string;

before(async () => {
  directory = await mkdtemp(join(tmpdir(), 'frugal-advise-'));
  ledgerPath = join(directory, 'ledger.db');
  const at = (day: number) => Date.UTC(2026, 8, day, 10);
  const summarize = (day: number) => ({ attribution: { feature: 'summarize' }, startedAt: at(day) });
  const requests = [
    haikuRequest('W1', { input: 200, cacheWrite5m: 5_000 }, summarize(1)),
    haikuRequest('W2', { input: 200, cacheWrite5m: 5_000 }, summarize(1)),
    haikuRequest('W3', { input: 200, cacheWrite5m: 5_000 }, summarize(1)),
    pricedRequest('S1', { input: 500, output: 50, reasoning: 1_000 }, MINI, { startedAt: at(5) }),
    pricedRequest('B1', { input: 10_000, output: 1_000 }, MINI, { startedAt: at(10), attribution: { properties: { interactive: 'false' } } }),
  ];
  const store = await openLedgerStore({ backend: 'sqlite', path: ledgerPath });
  await store.writeBatch(requests.map((request) => ({ request, attempts: [attemptFor(request)] })));
  await store.close();
});

after(async () => {
  await rm(directory, { recursive: true, force: true });
});

async function advise(...argv: string[]) {
  const capture = captureIO();
  const status = await main(['advise', '--sqlite', ledgerPath, ...argv], capture.io);
  return { status, stdout: capture.stdout(), stderr: capture.stderr() };
}

test('--json prints the recommendations ranked by savings projected from the observed days to 30', async () => {
  const { status, stdout } = await advise('--json');
  assert.equal(status, 0);
  const { recommendations } = JSON.parse(stdout) as { recommendations: Record<string, unknown>[] };
  assert.deepEqual(recommendations.map((recommendation) => [recommendation['id'], recommendation['projectedMonthlySavingsUsd'], recommendation['projectedMonthlySavingsPicoUsd']]), [
    // 3,750,000,000 × 3
    ['cache-writes-never-read:anthropic/claude-haiku-4-5 feature=summarize', '0.01125', 11_250_000_000],
    // 1,050,000,000 × 3
    ['batch-non-interactive:openai/gpt-4o-mini unattributed', '0.00315', 3_150_000_000],
    // 600,000,000 × 3
    ['reasoning-on-short-requests:openai/gpt-4o-mini unattributed', '0.0018', 1_800_000_000],
  ]);
  assert.deepEqual(Object.keys(recommendations[0]!), [
    'id', 'kind', 'title', 'projectedMonthlySavingsUsd', 'projectedMonthlySavingsPicoUsd', 'evidence', 'configChange', 'method',
  ]);
  assert.deepEqual((recommendations[0]!['evidence'] as { exampleRequestIds: string[] }).exampleRequestIds, ['W1', 'W2', 'W3']);
});

test('an explicit 30-day range projects the observed savings unchanged; a range without requests advises nothing', async () => {
  const month = JSON.parse((await advise('--from', '2026-09-01', '--to', '2026-09-30', '--json')).stdout) as { recommendations: { projectedMonthlySavingsPicoUsd: number }[] };
  assert.deepEqual(month.recommendations.map((recommendation) => recommendation.projectedMonthlySavingsPicoUsd), [3_750_000_000, 1_050_000_000, 600_000_000]);
  const empty = await advise('--from', '2026-10-01', '--json');
  assert.deepEqual(JSON.parse(empty.stdout), { recommendations: [] });
});

test('the readable report lists the ranked recommendations with evidence and the change to make', async () => {
  const { status, stdout } = await advise();
  assert.equal(status, 0);
  assert.match(stdout, /^Advice from 2026-09-01 to 2026-09-10 \(10 UTC day\(s\), projected to 30 days\)/);
  assert.match(stdout, /1\. Cache writes never read on anthropic\/claude-haiku-4-5 feature=summarize: \$0\.01125 a month/);
  assert.match(stdout, /evidence: requests 3, requestsWritingCache 3, cacheWriteTokens 15000/);
  assert.match(stdout, /examples: W1, W2, W3/);
  assert.match(stdout, /3\. Reasoning tokens on short, simple requests/);
});

test('bad options and a missing ledger exit 2 with a message naming the problem', async () => {
  assert.equal((await advise('--from', '2026-9-1')).status, 2);
  const capture = captureIO();
  assert.equal(await main(['advise', '--sqlite', join(directory, 'absent.db')], capture.io), 2);
  assert.match(capture.stderr(), /frugal advise: no ledger at/);
});
