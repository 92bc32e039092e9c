/**
 * Cases every LedgerStore backend must pass. Each backend's test file calls
 * runLedgerStoreCases with a factory that opens a fresh, empty store.
 *
 * Prices used below, in pico-USD per token:
 *   gpt-4o-mini: input 150,000 ($0.15/M), cacheRead 75,000 ($0.075/M), output 600,000 ($0.60/M)
 *   gpt-4o (the baseline): input 2,500,000 ($2.50/M), output 10,000,000 ($10/M); no cache discount
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { FrugalError } from '../errors/frugal-error.ts';
import type { LedgerEntry, RequestRecord } from './records.ts';
import { attemptFor, costAt, sampleRequest, usageOf, type PicoPrices, type RequestOverrides } from './sample-records.ts';
import type { InjectedFault } from './sql/failing-driver.ts';
import type { LedgerStore, UsageRow } from './store.ts';

const MINI: PicoPrices = { input: 150_000, cacheRead: 75_000, output: 600_000 };
const BASELINE: PicoPrices = { input: 2_500_000, output: 10_000_000 };
const JULY_1 = Date.UTC(2026, 6, 1, 9, 0, 0);
const JULY_2 = Date.UTC(2026, 6, 2, 23, 59, 0);

/** A priced gpt-4o-mini request whose baseline is gpt-4o with every prompt token uncached. */
function priced(id: string, tokens: { input?: number; cacheRead?: number; output?: number }, extra: RequestOverrides = {}) {
  const usage = usageOf(tokens);
  const baselineUsage = usageOf({ input: (tokens.input ?? 0) + (tokens.cacheRead ?? 0), output: tokens.output ?? 0 });
  return sampleRequest({
    id,
    usage,
    cost: costAt(usage, MINI),
    baselineModel: 'gpt-4o',
    baselineCostPicoUsd: costAt(baselineUsage, BASELINE).totalPicoUsd,
    ...extra,
  });
}

const entry = (request: RequestRecord): LedgerEntry => ({ request, attempts: [attemptFor(request)] });

/**
 * A: 1,000 input + 2,000 cache read + 300 output = 150,000,000 + 150,000,000 + 180,000,000 = 480,000,000
 *    baseline 3,000 × 2,500,000 + 300 × 10,000,000 = 10,500,000,000
 * B: 500 input + 100 output = 75,000,000 + 60,000,000 = 135,000,000; baseline 1,250,000,000 + 1,000,000,000 = 2,250,000,000
 * C: anthropic, failed (HTTP 502) after two attempts, no usage, cost 0
 * D: 2,000 input + 500 output = 300,000,000 + 300,000,000 = 600,000,000; baseline 5,000,000,000 + 5,000,000,000 = 10,000,000,000
 */
function workload(): LedgerEntry[] {
  const a = priced('A', { input: 1_000, cacheRead: 2_000, output: 300 }, {
    startedAt: JULY_1, route: 'chat',
    attribution: { feature: 'support', user: 'u1', customer: 'acme', task: null, session: 's1', properties: { plan: 'pro' } },
  });
  const b = priced('B', { input: 500, output: 100 }, {
    startedAt: JULY_1 + 60_000, route: 'chat',
    attribution: { feature: 'support', user: 'u2', customer: 'acme', task: null, session: null, properties: {} },
  });
  const c = sampleRequest({
    id: 'C', startedAt: JULY_2, provider: 'anthropic', modelRequested: 'claude-haiku-4-5', modelServed: 'claude-haiku-4-5',
    status: 502, errorClass: 'upstream_error', baselineModel: 'claude-haiku-4-5',
    attribution: { feature: 'search', customer: 'globex' },
  });
  const d = priced('D', { input: 2_000, output: 500 }, {
    startedAt: JULY_2 + 30_000, attribution: { feature: 'search', customer: 'globex' },
  });
  return [
    entry(a),
    entry(b),
    { request: c, attempts: [attemptFor(c), attemptFor(c, { id: 'C/1', index: 1, kind: 'retry' })] },
    entry(d),
  ];
}

const byKey = (rows: UsageRow[]) => Object.fromEntries(rows.map((row) => [row.key ?? '(none)', row]));

/** Opens a fresh, empty store; with a fault, its driver fails as described (sql/failing-driver.ts). */
export type OpenStore = (fault?: InjectedFault) => Promise<LedgerStore>;

export function runLedgerStoreCases(backend: string, openStore: OpenStore): void {
  describe(`LedgerStore cases: ${backend}`, () => {
    let store: LedgerStore;
    before(async () => {
      store = await openStore();
    });
    after(async () => {
      await store.close();
    });

    test('listRequests returns the raw records of a day range in start order, inclusive of both days', async () => {
      // 2019 is earlier than every other case's records, so an open `to` sees only these.
      const late = priced('list-b', { input: 7 }, { startedAt: Date.UTC(2019, 2, 3, 23, 59), attribution: { session: 's1', properties: { interactive: 'false' } } });
      const early = priced('list-a', { input: 5 }, { startedAt: Date.UTC(2019, 2, 1, 0, 0), attribution: { feature: 'digest' } });
      const outside = priced('list-c', { input: 9 }, { startedAt: Date.UTC(2019, 2, 4, 0, 0) });
      await store.writeBatch([entry(late), entry(outside), entry(early)]);
      assert.deepEqual(await store.listRequests({ from: '2019-03-01', to: '2019-03-03' }), [early, late]);
      assert.deepEqual((await store.listRequests({ to: '2019-03-01' })).map((request) => request.id), ['list-a']);
    });

    test('a stored request reads back exactly, with its attempts in order', async () => {
      const request = priced('round-trip', { input: 10, cacheRead: 20, output: 5 }, {
        startedAt: Date.UTC(2026, 2, 1), streamed: true, timeToFirstTokenMs: 12.5, rawUsage: { prompt_tokens: 30, prompt_tokens_details: { cached_tokens: 20 } },
        cache: { status: 'miss', avoidedCostPicoUsd: null, similarity: null },
        attribution: { feature: 'f', user: 'u', customer: 'c', task: null, session: 's', properties: { a: '1', b: 'two' } },
      });
      const attempts = [
        attemptFor(request, { id: 'rt/0', status: 429, errorClass: 'rate_limited', usage: usageOf({}), cost: costAt(usageOf({}), MINI) }),
        attemptFor(request, {
          id: 'rt/1', index: 1, kind: 'retry', deployment: 'eu',
          validation: { validator: 'json-schema', passed: true, score: null, note: null },
        }),
      ];
      assert.deepEqual(await store.writeBatch([{ request, attempts: [attempts[1]!, attempts[0]!] }]), { inserted: 1, skipped: 0 });
      const details = await store.getRequest('round-trip');
      assert.deepEqual(details, { request, attempts, success: true, successSource: 'status', outcome: null });
      assert.equal(await store.getRequest('absent'), null);
    });

    test('writing the same batch again stores nothing twice and leaves the rollups unchanged', async () => {
      const request = priced('twice', { input: 1 }, { startedAt: Date.UTC(2026, 0, 5), attribution: { feature: 'dedupe' } });
      assert.deepEqual(await store.writeBatch([entry(request), entry(request)]), { inserted: 1, skipped: 1 });
      assert.deepEqual(await store.writeBatch([entry(request)]), { inserted: 0, skipped: 1 });
      const [row] = await store.usage({ groupBy: 'feature', from: '2026-01-05', to: '2026-01-05' });
      // 1 input token × 150,000 pico-USD
      assert.equal(row?.requests, 1);
      assert.equal(row?.costPicoUsd, 150_000n);
      assert.equal((await store.getRequest('twice'))?.attempts.length, 1);
    });

    test('a batch is all or nothing, and retrying it after a failure counts it once', async () => {
      const flaky = await openStore({ statement: /INSERT INTO ledger_daily_rollups/, failures: 1 });
      try {
        const batch = [entry(priced('whole-1', { input: 1 })), entry(priced('whole-2', { input: 2 }))];
        await assert.rejects(
          flaky.writeBatch(batch),
          (error: unknown) => FrugalError.isInstance(error) && error.code === 'FRUGAL_LEDGER_STORAGE',
        );
        assert.equal(await flaky.getRequest('whole-1'), null);
        assert.deepEqual(await flaky.usage({ groupBy: 'day' }), []);
        assert.deepEqual(await flaky.writeBatch(batch), { inserted: 2, skipped: 0 });
        const [day] = await flaky.usage({ groupBy: 'day' });
        // 3 input tokens × 150,000 pico-USD
        assert.deepEqual([day?.requests, day?.costPicoUsd], [2, 450_000n]);
      } finally {
        await flaky.close();
      }
    });

    test('a malformed record is refused before anything is written', async () => {
      const first = priced('bad-1', { input: 1 }, { startedAt: Date.UTC(2026, 1, 1) });
      const second = priced('bad-2', { input: 1 }, { startedAt: Date.UTC(2026, 1, 1) });
      await assert.rejects(
        store.writeBatch([entry(first), { request: second, attempts: [attemptFor(first)] }]),
        (error: unknown) =>
          FrugalError.isInstance(error) && error.code === 'FRUGAL_INVALID_RECORD' && /attempts\[0\]\.requestId/.test(error.message),
      );
      assert.equal(await store.getRequest('bad-1'), null);
    });

    describe('usage from the daily rollups', () => {
      before(async () => {
        assert.deepEqual(await store.writeBatch(workload()), { inserted: 4, skipped: 0 });
      });
      const july = { from: '2026-07-01', to: '2026-07-02' };

      test('grouped by model: spend, tokens per bucket, successes and cost per success', async () => {
        const rows = await store.usage({ groupBy: 'model', ...july });
        assert.deepEqual(rows.map((row) => row.key), ['gpt-4o-mini', 'claude-haiku-4-5']);
        const mini = byKey(rows)['gpt-4o-mini']!;
        // 480,000,000 + 135,000,000 + 600,000,000 = 1,215,000,000 pico-USD = $0.001215
        assert.equal(mini.costPicoUsd, 1_215_000_000n);
        assert.equal(mini.costUsd, '0.001215');
        // 10,500,000,000 + 2,250,000,000 + 10,000,000,000 = 22,750,000,000 = $0.02275
        assert.equal(mini.baselineCostPicoUsd, 22_750_000_000n);
        assert.equal(mini.baselineCostUsd, '0.02275');
        assert.deepEqual(mini.tokens, { input: 3_500, cacheRead: 2_000, cacheWrite5m: 0, cacheWrite1h: 0, output: 900, reasoning: 0 });
        assert.deepEqual([mini.requests, mini.successes, mini.failures, mini.attempts], [3, 3, 0, 3]);
        // 1,215,000,000 / 3 = 405,000,000
        assert.equal(mini.costPerSuccessPicoUsd, 405_000_000n);
        assert.equal(mini.costPerSuccessUsd, '0.000405');
        const haiku = byKey(rows)['claude-haiku-4-5']!;
        assert.deepEqual([haiku.requests, haiku.successes, haiku.failures, haiku.attempts], [1, 0, 1, 2]);
        assert.equal(haiku.costPicoUsd, 0n);
        assert.equal(haiku.costPerSuccessPicoUsd, null);
        assert.equal(haiku.costPerSuccessUsd, null);
      });

      test('grouped by each attribution, provider and route; absent attribution is a null key', async () => {
        const spend = async (groupBy: Parameters<LedgerStore['usage']>[0]['groupBy']) =>
          (await store.usage({ groupBy, ...july })).map((row) => [row.key, row.costPicoUsd]);
        // support: A + B = 615,000,000; search: C + D = 600,000,000
        assert.deepEqual(await spend('feature'), [['support', 615_000_000n], ['search', 600_000_000n]]);
        // C and D have no user: 600,000,000 > u1's 480,000,000 > u2's 135,000,000
        assert.deepEqual(await spend('user'), [[null, 600_000_000n], ['u1', 480_000_000n], ['u2', 135_000_000n]]);
        assert.deepEqual(await spend('customer'), [['acme', 615_000_000n], ['globex', 600_000_000n]]);
        assert.deepEqual(await spend('provider'), [['openai', 1_215_000_000n], ['anthropic', 0n]]);
        assert.deepEqual(await spend('route'), [['chat', 615_000_000n], [null, 600_000_000n]]);
      });

      test('grouped by UTC day in day order, and the range is inclusive at both ends', async () => {
        const days = await store.usage({ groupBy: 'day', ...july });
        assert.deepEqual(days.map((row) => [row.key, row.requests, row.costPicoUsd]), [
          ['2026-07-01', 2, 615_000_000n],
          ['2026-07-02', 2, 600_000_000n],
        ]);
        const second = await store.usage({ groupBy: 'model', from: '2026-07-02', to: '2026-07-02' });
        assert.deepEqual(second.map((row) => [row.key, row.requests]), [['gpt-4o-mini', 1], ['claude-haiku-4-5', 1]]);
        assert.deepEqual(await store.usage({ groupBy: 'model', from: '2026-07-03' }), []);
      });

      test('feedback on a request moves it between successes and failures in the rollups', async () => {
        assert.deepEqual(
          await store.recordOutcome({ requestId: 'B', success: false, source: 'feedback', recordedAt: JULY_2, note: 'wrong answer' }),
          { appliedTo: 1 },
        );
        const details = await store.getRequest('B');
        assert.equal(details?.success, false);
        assert.equal(details?.successSource, 'request');
        assert.deepEqual(details?.outcome, { requestId: 'B', success: false, source: 'feedback', recordedAt: JULY_2, note: 'wrong answer' });
        let mini = byKey(await store.usage({ groupBy: 'model', ...july }))['gpt-4o-mini']!;
        // 1,215,000,000 / 2 successes = 607,500,000
        assert.deepEqual([mini.successes, mini.failures, mini.costPerSuccessPicoUsd], [2, 1, 607_500_000n]);
        // Repeating the same verdict changes nothing; the opposite one moves it back.
        await store.recordOutcome({ requestId: 'B', success: false, source: 'feedback', recordedAt: JULY_2 });
        mini = byKey(await store.usage({ groupBy: 'model', ...july }))['gpt-4o-mini']!;
        assert.deepEqual([mini.successes, mini.failures], [2, 1]);
        await store.recordOutcome({ requestId: 'B', success: true, score: 0.9, source: 'validator', recordedAt: JULY_2 + 1 });
        mini = byKey(await store.usage({ groupBy: 'model', ...july }))['gpt-4o-mini']!;
        assert.deepEqual([mini.successes, mini.failures], [3, 0]);
        assert.equal((await store.getRequest('B'))?.outcome?.score, 0.9);
      });
    });

    describe('tasks', () => {
      const day = Date.UTC(2026, 8, 1, 10, 0, 0);
      const inTask = (id: string, task: string, offset: number, tokens: { input?: number; output?: number }, extra: RequestOverrides = {}) =>
        priced(id, tokens, { startedAt: day + offset, attribution: { feature: 'agent', task }, ...extra });

      test('a task gathers its requests and attempts, total cost, outcome and cost per successful task', async () => {
        // T1: 1,000 input + 200 output = 150,000,000 + 120,000,000 = 270,000,000
        // T2: 4,000 input + 100 output = 600,000,000 + 60,000,000 = 660,000,000 (started first)
        // T3: failed with HTTP 500, 2,000 input billed = 300,000,000
        const t1 = inTask('T1', 'ticket-1', 1_000, { input: 1_000, output: 200 });
        const t2 = inTask('T2', 'ticket-1', 0, { input: 4_000, output: 100 });
        const t3 = inTask('T3', 'ticket-1', 2_000, { input: 2_000 }, { status: 500, errorClass: 'upstream_error' });
        await store.writeBatch([entry(t1), entry(t2)]);
        await store.writeBatch([{ request: t3, attempts: [attemptFor(t3), attemptFor(t3, { id: 'T3/1', index: 1, kind: 'fallback' })] }]);

        let task = await store.getTask('ticket-1');
        assert.deepEqual(task?.requests.map((details) => [details.request.id, details.attempts.length, details.success]), [
          ['T2', 1, true], ['T1', 1, true], ['T3', 2, false],
        ]);
        assert.deepEqual(task?.requests[2]?.attempts.map((attempt) => attempt.kind), ['primary', 'fallback']);
        // 660,000,000 + 270,000,000 + 300,000,000 = 1,230,000,000 = $0.00123
        assert.equal(task?.costPicoUsd, 1_230_000_000n);
        assert.equal(task?.costUsd, '0.00123');
        assert.equal(task?.outcome, null);
        assert.equal(task?.costPerSuccessfulTaskPicoUsd, null);

        // A failed task fails each of its requests; a request's own outcome still wins.
        assert.deepEqual(
          await store.recordOutcome({ taskId: 'ticket-1', success: false, source: 'feedback', recordedAt: day + 10_000 }),
          { appliedTo: 3 },
        );
        await store.recordOutcome({ requestId: 'T1', success: true, source: 'validator', recordedAt: day + 11_000 });
        task = await store.getTask('ticket-1');
        assert.deepEqual(task?.requests.map((details) => [details.request.id, details.success, details.successSource]), [
          ['T2', false, 'task'], ['T1', true, 'request'], ['T3', false, 'task'],
        ]);
        let agent = (await store.usage({ groupBy: 'feature', from: '2026-09-01', to: '2026-09-01' }))[0]!;
        assert.deepEqual([agent.requests, agent.successes, agent.failures], [3, 1, 2]);

        assert.deepEqual(
          await store.recordOutcome({ taskId: 'ticket-1', success: true, source: 'feedback', recordedAt: day + 12_000 }),
          { appliedTo: 2 },
        );
        task = await store.getTask('ticket-1');
        assert.equal(task?.outcome?.success, true);
        assert.equal(task?.costPerSuccessfulTaskPicoUsd, 1_230_000_000n);
        assert.equal(task?.costPerSuccessfulTaskUsd, '0.00123');
        agent = (await store.usage({ groupBy: 'feature', from: '2026-09-01', to: '2026-09-01' }))[0]!;
        assert.deepEqual([agent.requests, agent.successes, agent.failures], [3, 3, 0]);
        assert.equal(await store.getTask('no-such-task'), null);
      });

      test('an outcome that arrives before its requests applies to them when they are stored', async () => {
        assert.deepEqual(
          await store.recordOutcome({ taskId: 'early', success: false, source: 'feedback', recordedAt: day }),
          { appliedTo: 0 },
        );
        assert.deepEqual(
          await store.recordOutcome({ requestId: 'E2', success: true, source: 'validator', recordedAt: day }),
          { appliedTo: 0 },
        );
        await store.writeBatch([
          entry(inTask('E1', 'early', 86_400_000, { input: 10 })),
          entry(inTask('E2', 'early', 86_400_001, { input: 10 })),
        ]);
        const task = await store.getTask('early');
        assert.deepEqual(task?.requests.map((details) => [details.request.id, details.success, details.successSource]), [
          ['E1', false, 'task'], ['E2', true, 'request'],
        ]);
        assert.equal(task?.outcome?.success, false);
      });

      test('the task summary counts successful tasks and divides the spend of decided tasks by them', async () => {
        const october = Date.UTC(2026, 9, 1);
        // won: 1,000 input = 150,000,000; lost: 2,000 input = 300,000,000; open: 100 output = 60,000,000
        await store.writeBatch([
          entry(priced('won-1', { input: 1_000 }, { startedAt: october, attribution: { task: 'won' } })),
          entry(priced('lost-1', { input: 2_000 }, { startedAt: october, attribution: { task: 'lost' } })),
          entry(priced('open-1', { output: 100 }, { startedAt: october, attribution: { task: 'open' } })),
        ]);
        await store.recordOutcome({ taskId: 'won', success: true, source: 'feedback', recordedAt: october });
        await store.recordOutcome({ taskId: 'lost', success: false, source: 'feedback', recordedAt: october });
        const summary = await store.taskSummary({ from: '2026-10-01', to: '2026-10-01' });
        assert.deepEqual(summary, {
          tasks: 3, successful: 1, failed: 1, withoutOutcome: 1,
          // 150,000,000 + 300,000,000 + 60,000,000 = 510,000,000
          costPicoUsd: 510_000_000n, costUsd: '0.00051',
          // (150,000,000 + 300,000,000) / 1 successful task
          costPerSuccessfulTaskPicoUsd: 450_000_000n, costPerSuccessfulTaskUsd: '0.00045',
        });
        // A task is counted on the day of its first request, with all of its cost (+ 1 input token = 150,000).
        await store.writeBatch([entry(priced('won-2', { input: 1 }, { startedAt: october + 86_400_000, attribution: { task: 'won' } }))]);
        assert.equal((await store.taskSummary({ from: '2026-10-02' })).tasks, 0);
        assert.equal((await store.taskSummary({ from: '2026-10-01' })).costPicoUsd, 510_150_000n);
      });
    });

    test('bad queries and outcomes are refused with the field named', async () => {
      await assert.rejects(
        store.usage({ groupBy: 'team' as 'model' }),
        (error: unknown) => FrugalError.isInstance(error) && error.code === 'FRUGAL_INVALID_ARGUMENT' && /groupBy/.test(error.message),
      );
      await assert.rejects(
        store.usage({ groupBy: 'day', from: '07/01/2026' }),
        (error: unknown) => FrugalError.isInstance(error) && /from is "07\/01\/2026"/.test(error.message),
      );
      await assert.rejects(
        store.recordOutcome({ requestId: 'A', taskId: 'x', success: true, source: 'feedback', recordedAt: 0 } as never),
        (error: unknown) => FrugalError.isInstance(error) && error.code === 'FRUGAL_INVALID_RECORD',
      );
    });
  });
}
