/**
 * `frugal report` through main(), on a SQLite ledger filled with the records below (and once on
 * PostgreSQL). Prices in pico-USD per token: gpt-4o-mini input 150,000, cache read 75,000,
 * output 600,000; gpt-4o input 2,500,000, output and reasoning 10,000,000.
 *
 *   R1 support/acme   gpt-4o-mini 2026-07-01 task ticket-1: 1,000 in + 2,000 cache read + 300 out
 *      = 150,000,000 + 150,000,000 + 180,000,000 = 480,000,000
 *   R2 support/globex gpt-4o-mini 2026-07-01 task ticket-2: 500 in + 100 out = 75,000,000 + 60,000,000 = 135,000,000
 *   R3 search         claude-haiku-4-5 2026-07-02 task ticket-2: HTTP 502, no usage, 0
 *   R4 search         gpt-4o-mini 2026-07-02: 8,000,000,000 in = 1,200,000,000,000,000 ($1,200)
 *   R5 (no feature)   gpt-4o 2026-07-03: 1,200 in + 40 out + 260 reasoning
 *      = 3,000,000,000 + 400,000,000 + 2,600,000,000 = 6,000,000,000
 * Outcomes: ticket-1 succeeded, ticket-2 failed (so R2 and R3 fail); R4 and R5 succeed by status.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { findPostgres, startPostgres } from '../../../test/support/postgres.ts';
import { parseConfig } from '../../config/parse-config.ts';
import { startGateway } from '../../gateway/start-gateway.ts';
import { openLedgerStore, type LedgerStore, type LedgerStoreConfig } from '../../ledger/index.ts';
import { attemptFor, costAt, sampleRequest, usageOf } from '../../ledger/sample-records.ts';
import { captureIO } from '../capture-io.ts';
import { main } from '../main.ts';

const MINI = { input: 150_000, cacheRead: 75_000, output: 600_000 };
const GPT_4O = { input: 2_500_000, output: 10_000_000, reasoning: 10_000_000 };
const day = (date: number, hour = 9) => Date.UTC(2026, 6, date, hour);

async function fillSampleLedger(config: LedgerStoreConfig): Promise<void> {
  const store: LedgerStore = await openLedgerStore(config);
  const priced = (id: string, tokens: Parameters<typeof usageOf>[0], prices: Record<string, number>, overrides: Parameters<typeof sampleRequest>[0]) => {
    const usage = usageOf(tokens);
    return sampleRequest({ ...overrides, id, usage, cost: costAt(usage, prices) });
  };
  const requests = [
    priced('R1', { input: 1_000, cacheRead: 2_000, output: 300 }, MINI, {
      id: 'R1', startedAt: day(1), attribution: { feature: 'support', customer: 'acme', task: 'ticket-1' },
    }),
    priced('R2', { input: 500, output: 100 }, MINI, {
      id: 'R2', startedAt: day(1, 10), attribution: { feature: 'support', customer: 'globex', task: 'ticket-2' },
    }),
    sampleRequest({
      id: 'R3', startedAt: day(2), provider: 'anthropic', modelRequested: 'claude-haiku-4-5', modelServed: 'claude-haiku-4-5',
      status: 502, errorClass: 'upstream_error', attribution: { feature: 'search', task: 'ticket-2' },
    }),
    priced('R4', { input: 8_000_000_000 }, MINI, { id: 'R4', startedAt: day(2, 11), attribution: { feature: 'search' } }),
    priced('R5', { input: 1_200, output: 40, reasoning: 260 }, GPT_4O, {
      id: 'R5', startedAt: day(3), modelRequested: 'gpt-4o', modelServed: 'gpt-4o',
    }),
  ];
  await store.writeBatch(requests.map((request) => ({ request, attempts: [attemptFor(request)] })));
  await store.recordOutcome({ taskId: 'ticket-1', success: true, source: 'feedback', recordedAt: day(4) });
  await store.recordOutcome({ taskId: 'ticket-2', success: false, source: 'feedback', recordedAt: day(4) });
  await store.close();
}

async function report(argv: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  const { io, stdout, stderr } = captureIO();
  const status = await main(['report', ...argv], io);
  return { status, stdout: stdout(), stderr: stderr() };
}

/** A table's lines as cells (columns are separated by at least two spaces). */
const cells = (text: string) => text.split('\n').map((line) => line.trim().split(/ {2,}/));

let folder: string;
let ledger: string;
before(async () => {
  folder = await mkdtemp(join(tmpdir(), 'frugal-report-'));
  ledger = join(folder, 'ledger.db');
  await fillSampleLedger({ backend: 'sqlite', path: ledger });
});
after(async () => {
  await rm(folder, { recursive: true, force: true });
});

test('spend by feature: requests, successes, exact spend and cost per success, tokens per bucket, a total, and the tasks', async () => {
  const { status, stdout } = await report(['--sqlite', ledger, '--group-by', 'feature']);
  assert.equal(status, 0);
  const lines = stdout.split('\n');
  assert.equal(lines[0], `Spend by feature, all days; ledger ${ledger}`);
  // Rows by spend. search: R3 + R4, 1 success. (no feature): R5. support: R1 + R2 = 615,000,000, 1 success.
  // total: 1,200,000,000,000,000 + 6,000,000,000 + 615,000,000 = 1,200,006,615,000,000 over 3 successes = 400,002,205,000,000
  assert.deepEqual(cells(lines.slice(2, 7).join('\n')), [
    ['feature', 'requests', 'successes', 'spend', 'per success', 'input tokens', 'cache read tokens', 'output tokens', 'reasoning tokens'],
    ['search', '2', '1', '$1,200', '$1,200', '8,000,000,000', '0', '0', '0'],
    ['(no feature)', '1', '1', '$0.006', '$0.006', '1,200', '0', '40', '260'],
    ['support', '2', '1', '$0.000615', '$0.000615', '1,500', '2,000', '400', '0'],
    ['total', '5', '3', '$1,200.006615', '$400.002205', '8,000,002,700', '2,000', '440', '260'],
  ]);
  // Dollar amounts line up on the decimal point: "$1,200" is padded where "$1,200.006615" has its fraction.
  assert.equal(lines[3]!.indexOf('$1,200 ') + '$1,200'.length, lines[6]!.indexOf('.006615'));
  // ticket-1: R1 = 480,000,000, succeeded; ticket-2: R2 + R3 = 135,000,000, failed.
  // Cost per successful task: (480,000,000 + 135,000,000) / 1 = 615,000,000 = $0.000615
  assert.deepEqual(lines.slice(8), [
    'Tasks: 2 started, 1 successful, 1 failed, 0 without an outcome; spend $0.000615',
    'Cost per successful task: $0.000615 (spend of the tasks with an outcome / successful tasks)',
  ]);
});

test('a day range keeps only the rollups of those days, and tasks that started in it', async () => {
  const { status, stdout } = await report(['--sqlite', ledger, '--from', '2026-07-02', '--to', '2026-07-02']);
  assert.equal(status, 0);
  const lines = stdout.split('\n');
  assert.equal(lines[0], `Spend by model, 2026-07-02 to 2026-07-02 (UTC days); ledger ${ledger}`);
  assert.deepEqual(cells(lines.slice(2, 6).join('\n')), [
    ['model', 'requests', 'successes', 'spend', 'per success', 'input tokens'],
    ['gpt-4o-mini', '1', '1', '$1,200', '$1,200', '8,000,000,000'],
    ['claude-haiku-4-5', '1', '0', '$0', '-', '0'],
    ['total', '2', '1', '$1,200', '$1,200', '8,000,000,000'],
  ]);
  // ticket-2 started on July 1 with R2.
  assert.equal(lines.at(-1), 'Tasks: none started in this range (requests join a task with the x-frugal-task header).');
});

test('--json prints exactly what GET /v1/frugal/usage answers for the same query', async () => {
  const { status, stdout } = await report(['--sqlite', ledger, '--group-by', 'customer', '--from', '2026-07-01', '--json']);
  assert.equal(status, 0);
  const printed = JSON.parse(stdout);
  assert.deepEqual(printed.rows.map((row: { key: string | null; costPicoUsd: string }) => [row.key, row.costPicoUsd]), [
    [null, '1200006000000000'], ['acme', '480000000'], ['globex', '135000000'],
  ]);
  const gateway = await startGateway({ config: parseConfig(`storage:\n  path: ${JSON.stringify(ledger)}\n`), port: 0, host: '127.0.0.1', env: {}, log: () => undefined });
  try {
    const response = await fetch(`${gateway.url}/v1/frugal/usage?groupBy=customer&from=2026-07-01`);
    assert.deepEqual(printed, await response.json());
  } finally {
    await gateway.close();
  }
});

test('without a location it reads the ledger `frugal serve` writes: the configuration, else .frugal/ledger.db', async () => {
  const project = join(folder, 'project');
  await mkdir(join(project, 'data'), { recursive: true });
  await fillSampleLedger({ backend: 'sqlite', path: join(project, '.frugal', 'ledger.db') });
  await writeFile(join(project, 'frugal.yaml'), 'storage:\n  path: data/ledger.db\n');
  await fillSampleLedger({ backend: 'sqlite', path: join(project, 'data', 'ledger.db') });
  const previous = process.cwd();
  process.chdir(project);
  try {
    // ./frugal.yaml names data/ledger.db, relative to the file's folder.
    assert.match((await report([])).stdout, new RegExp(`ledger ${join(project, 'data', 'ledger.db')}\\n`));
    await rm(join(project, 'frugal.yaml'));
    const { status, stdout } = await report(['--json']);
    assert.equal(status, 0);
    assert.equal(JSON.parse(stdout).rows.length, 3);
  } finally {
    process.chdir(previous);
  }
});

test('a ledger that does not exist is an error saying how to create one, and nothing is created', async () => {
  const absent = join(folder, 'nowhere', 'ledger.db');
  const { status, stdout, stderr } = await report(['--sqlite', absent]);
  assert.equal(status, 2);
  assert.equal(stdout, '');
  assert.match(stderr, new RegExp(`^frugal report: no ledger at ${absent}: the file does not exist\\. \`frugal serve\` creates the ledger`));
  assert.match(stderr, /`frugal demo --keep-running`/);
  assert.equal(existsSync(join(folder, 'nowhere')), false);
});

test('bad options are refused with the option named', async () => {
  const refused = async (argv: string[], message: RegExp) => {
    const { status, stderr } = await report(argv);
    assert.equal(status, 2);
    assert.match(stderr, message);
  };
  await refused(['--sqlite', ledger, '--postgres', 'postgres://db/x'], /give one of --config, --sqlite or --postgres, not --sqlite and --postgres/);
  await refused(['--group-by', 'team'], /--group-by must be one of model, provider, feature, user, customer, route, day, got "team"/);
  await refused(['--from', '2026-02-30x'], /--from must be a UTC day as YYYY-MM-DD, got "2026-02-30x"/);
  await refused(['--from', '2026-07-03', '--to', '2026-07-01'], /--from 2026-07-03 is after --to 2026-07-01/);
  await refused(['--postgres', 'mysql://user:s3cret@db/ledger'], /^frugal report: --postgres takes a postgres:\/\/ or postgresql:\/\/ URL$/);
});

const postgres = await findPostgres();
describe('on PostgreSQL', { skip: postgres.available ? false : postgres.reason }, () => {
  let server: Awaited<ReturnType<typeof startPostgres>>;
  before(async () => {
    if (postgres.available) server = await startPostgres(postgres.binaryFolder);
  });
  after(async () => {
    await server?.stop();
  });

  test('the same records give the same report as on SQLite; a database without a ledger is refused', async () => {
    const url = await server.createDatabase('report_sample');
    await fillSampleLedger({ backend: 'postgres', url });
    for (const options of [['--group-by', 'feature'], ['--group-by', 'day', '--json']]) {
      const fromPostgres = await report(['--postgres', url, ...options]);
      const fromSqlite = await report(['--sqlite', ledger, ...options]);
      assert.equal(fromPostgres.status, 0);
      assert.equal(fromPostgres.stdout.replace(url, 'LEDGER'), fromSqlite.stdout.replace(ledger, 'LEDGER'));
    }
    const empty = (await server.createDatabase('report_empty')).replace('postgres@', 'postgres:s3cret@');
    const { status, stderr } = await report(['--postgres', empty]);
    assert.equal(status, 2);
    assert.match(stderr, /no ledger at postgres:\/\/postgres:\*\*\*@127\.0\.0\.1:\d+\/report_empty: it has no ledger tables\. `frugal serve` creates/);
    assert.doesNotMatch(stderr, /s3cret/);
  });
});
