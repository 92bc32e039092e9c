/**
 * Ledger write throughput and what the ledger costs the caller's thread (the gateway's event
 * loop). Through the Ledger front — record() every entry, then close(), which waits until the
 * last batch is committed — each configuration reports records per second stored, CPU time on
 * the caller's thread per record (record() plus everything the store does there), record()
 * alone, and the longest the caller's event loop was held up. SQLite runs both on its own
 * thread (the default) and on the caller's thread (how it ran before), side by side.
 * Each configuration runs `--rounds` times on a fresh database, after 2,000 entries written
 * unmeasured so that the code is compiled; the best and the median round are reported (the machine is shared, so the best round is the one least disturbed). Bounded:
 * a fixed number of records per round, and a round stops recording once it has taken `--seconds`.
 *
 *   node bench/ledger/run.ts [--records 20000] [--rounds 3] [--seconds 20]
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import { Ledger } from '../../src/ledger/ledger.ts';
import { openPostgresStore } from '../../src/ledger/postgres-store/open-postgres-store.ts';
import type { LedgerEntry } from '../../src/ledger/records.ts';
import { attemptFor, costAt, sampleRequest, usageOf } from '../../src/ledger/sample-records.ts';
import { openSqliteStore, openSqliteStoreOnThisThread } from '../../src/ledger/sqlite-store/open-sqlite-store.ts';
import type { LedgerStore } from '../../src/ledger/store.ts';
import { findPostgres, startPostgres } from '../../test/support/postgres.ts';

const { values } = parseArgs({
  options: {
    records: { type: 'string', default: '20000' },
    rounds: { type: 'string', default: '3' },
    seconds: { type: 'string', default: '20' },
  },
});
const RECORDS = Number(values.records);
const ROUNDS = Number(values.rounds);
const BUDGET_MS = Number(values.seconds) * 1_000;

const MODELS = [['openai', 'gpt-4o-mini'], ['openai', 'gpt-4o'], ['anthropic', 'claude-haiku-4-5']] as const;

/** Realistic entries: a chat call with cached prompt, one attempt, raw usage, 10 features × 50 users × 20 customers. */
function workload(count: number, runId: string): LedgerEntry[] {
  return Array.from({ length: count }, (_, index) => {
    const [provider, model] = MODELS[index % MODELS.length]!;
    const usage = usageOf({ input: 800 + (index % 400), cacheRead: 2_048, output: 150 + (index % 90) });
    const request = sampleRequest({
      id: `${runId}-${index}`,
      startedAt: Date.UTC(2026, 6, 1) + index * 1_000,
      provider, modelRequested: model, modelServed: model, route: 'chat',
      usage,
      rawUsage: { prompt_tokens: usage.input + usage.cacheRead, completion_tokens: usage.output, prompt_tokens_details: { cached_tokens: usage.cacheRead } },
      cost: costAt(usage, { input: 150_000, cacheRead: 75_000, output: 600_000 }),
      baselineModel: 'gpt-4o',
      baselineCostPicoUsd: 2_500_000 * (usage.input + usage.cacheRead) + 10_000_000 * usage.output,
      attribution: {
        feature: `feature-${index % 10}`, user: `user-${index % 50}`, customer: `customer-${index % 20}`,
        task: `task-${Math.floor(index / 8)}`, session: `session-${index % 200}`, properties: { plan: index % 3 === 0 ? 'pro' : 'free' },
      },
    });
    return { request, attempts: [attemptFor(request)] };
  });
}

interface Round {
  records: number;
  seconds: number;
  recordNanoseconds: number;
  callerCpuNanoseconds: number;
  longestStallMs: number;
}

interface Result {
  backend: string;
  batchSize: number;
  rounds: Round[];
}

const SLICE = 100;
const WARM_UP = 2_000;

async function measure(store: LedgerStore, batchSize: number, runId: string): Promise<Round> {
  // Each store's code gets compiled first (a store's own thread starts cold), so rounds compare steady states.
  const warmUp = workload(WARM_UP, `${runId}-warm-up`);
  for (let start = 0; start < warmUp.length; start += batchSize) await store.writeBatch(warmUp.slice(start, start + batchSize));
  const entries = workload(RECORDS, runId);
  const ledger = new Ledger(store, { batchSize, flushIntervalMs: 20, maxQueued: RECORDS + 1 });
  const stalls = monitorEventLoopDelay({ resolution: 1 });
  stalls.enable();
  const cpuBefore = process.threadCpuUsage();
  const started = performance.now();
  let recordTime = 0;
  let recorded = 0;
  // Record in slices and yield between them, as a gateway's requests would, so the writer runs alongside.
  for (let start = 0; start < entries.length && performance.now() - started < BUDGET_MS; start += SLICE) {
    const sliceStart = performance.now();
    for (const { request, attempts } of entries.slice(start, start + SLICE)) ledger.record(request, attempts);
    recordTime += performance.now() - sliceStart;
    recorded = Math.min(entries.length, start + SLICE);
    await new Promise((resolve) => setImmediate(resolve));
  }
  await ledger.close();
  const seconds = (performance.now() - started) / 1_000;
  const cpu = process.threadCpuUsage(cpuBefore);
  stalls.disable();
  return {
    records: recorded,
    seconds,
    recordNanoseconds: (recordTime * 1e6) / recorded,
    callerCpuNanoseconds: ((cpu.user + cpu.system) * 1e3) / recorded,
    longestStallMs: stalls.max / 1e6,
  };
}

async function rounds(backend: string, batchSize: number, open: (round: number) => Promise<LedgerStore>): Promise<Result> {
  const measured: Round[] = [];
  for (let round = 0; round < ROUNDS; round += 1) measured.push(await measure(await open(round), batchSize, `${backend}-${batchSize}-${round}`));
  return { backend, batchSize, rounds: measured };
}

const results: Result[] = [];
const folder = await mkdtemp(join(tmpdir(), 'frugal-bench-ledger-'));
try {
  for (const batchSize of [100, 500]) {
    results.push(await rounds('SQLite, own thread', batchSize, (round) => openSqliteStore(join(folder, `thread-${batchSize}-${round}.db`))));
    results.push(await rounds("SQLite, caller's thread", batchSize, (round) =>
      openSqliteStoreOnThisThread({ path: join(folder, `caller-${batchSize}-${round}.db`), create: true })));
  }
  const postgres = await findPostgres();
  if (postgres.available) {
    const server = await startPostgres(postgres.binaryFolder);
    try {
      for (const batchSize of [100, 500]) {
        results.push(await rounds('PostgreSQL', batchSize, async (round) => {
          const database = `bench_${batchSize}_${round}`;
          const client = new Client({ connectionString: server.url });
          await client.connect();
          await client.query(`CREATE DATABASE ${database}`);
          await client.end();
          return openPostgresStore({ url: server.databaseUrl(database) });
        }));
      }
    } finally {
      await server.stop();
    }
  } else {
    process.stdout.write(`PostgreSQL skipped: ${postgres.reason}\n`);
  }
} finally {
  await rm(folder, { recursive: true, force: true });
}

const format = (value: number) => Math.round(value).toLocaleString('en-US');
const rate = (round: Round) => round.records / round.seconds;
const median = (values: number[]) => values.toSorted((a, b) => a - b)[Math.floor(values.length / 2)]!;
const micro = (nanoseconds: number) => `${(nanoseconds / 1_000).toFixed(1)} µs`;
process.stdout.write(
  `Node ${process.version}, ${cpus().length} cores, load average ${loadavg()[0]?.toFixed(1)}; ` +
    `${format(RECORDS)} records per round, ${ROUNDS} rounds; best / median round\n\n` +
    "| backend | batch size | records/s written | caller's thread CPU per record | record() | longest event-loop stall |\n" +
    '|---|---:|---:|---:|---:|---:|\n' +
    results
      .map(({ backend, batchSize, rounds: measured }) => {
        const rates = measured.map(rate);
        const cpu = measured.map((round) => round.callerCpuNanoseconds);
        const records = measured.map((round) => round.recordNanoseconds);
        const stalls = measured.map((round) => round.longestStallMs);
        return `| ${backend} | ${batchSize} | ${format(Math.max(...rates))} / ${format(median(rates))} | ` +
          `${micro(Math.min(...cpu))} / ${micro(median(cpu))} | ${micro(Math.min(...records))} / ${micro(median(records))} | ` +
          `${Math.min(...stalls).toFixed(1)} / ${median(stalls).toFixed(1)} ms |`;
      })
      .join('\n') +
    '\n',
);
