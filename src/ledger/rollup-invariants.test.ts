/**
 * For random workloads — requests in random batches (with repeats), request and task outcomes
 * arriving before and after their requests — the rollups served by usage() equal the sums of
 * the raw rows, and each raw row's success follows the precedence rule.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { BUCKET_NAMES, emptyBuckets } from '../usage/buckets.ts';
import { utcDay } from './day.ts';
import type { LedgerEntry, OutcomeRecord } from './records.ts';
import { attemptFor, costAt, sampleRequest, usageOf } from './sample-records.ts';
import { openSqliteStoreOnThisThread } from './sqlite-store/open-sqlite-store.ts';
import { USAGE_GROUPS, type RequestDetails, type UsageGroup } from './store.ts';

const maybe = <T>(values: T[]) => fc.option(fc.constantFrom(...values), { nil: null });

const requestArbitrary = fc.record({
  day: fc.integer({ min: 0, max: 2 }),
  provider: fc.constantFrom('openai', 'anthropic'),
  model: fc.constantFrom('small', 'large'),
  served: fc.boolean(),
  route: maybe(['chat', 'agent']),
  feature: maybe(['support', 'search']),
  user: maybe(['u1', 'u2']),
  customer: maybe(['acme', 'globex']),
  task: maybe(['t1', 't2', 't3']),
  status: fc.constantFrom(200, 200, 200, 429, 500),
  tokens: fc.record({
    input: fc.nat(5_000), cacheRead: fc.nat(5_000), cacheWrite5m: fc.nat(500), output: fc.nat(2_000), reasoning: fc.nat(1_000),
  }),
  priced: fc.boolean(),
  attempts: fc.integer({ min: 0, max: 3 }),
  baseline: fc.option(fc.nat(10_000_000_000), { nil: null }),
});

const outcomeArbitrary = fc.record({
  subject: fc.oneof(fc.record({ requestIndex: fc.nat(39) }), fc.record({ task: fc.constantFrom('t1', 't2', 't3') })),
  success: fc.boolean(),
  /** Position in the write sequence: before which batch it is recorded. */
  position: fc.nat(10),
});

const PRICES = { input: 150_000, cacheRead: 75_000, cacheWrite5m: 187_500, output: 600_000, reasoning: 600_000 };

type RequestSpec = typeof requestArbitrary extends fc.Arbitrary<infer Spec> ? Spec : never;

function toEntry(index: number, spec: RequestSpec): LedgerEntry {
  const usage = usageOf(spec.tokens);
  const request = sampleRequest({
    id: `r${index}`,
    startedAt: Date.UTC(2026, 4, 1 + spec.day, 12) + index,
    provider: spec.served ? spec.provider : null,
    modelRequested: spec.model,
    modelServed: spec.served ? `${spec.model}-served` : null,
    route: spec.route,
    status: spec.status,
    errorClass: spec.status === 200 ? null : 'upstream_error',
    usage,
    // Unpriced cache writes make some costs incomplete.
    cost: costAt(usage, spec.priced ? PRICES : { ...PRICES, cacheWrite5m: undefined }),
    baselineCostPicoUsd: spec.baseline,
    attribution: { feature: spec.feature, user: spec.user, customer: spec.customer, task: spec.task },
  });
  const attempts = Array.from({ length: spec.attempts }, (_, position) =>
    attemptFor(request, { id: `r${index}/${position}`, index: position }));
  return { request, attempts };
}

const GROUP_OF: Record<UsageGroup, (details: RequestDetails) => string | null> = {
  model: ({ request }) => request.modelServed ?? request.modelRequested,
  provider: ({ request }) => request.provider,
  feature: ({ request }) => request.attribution.feature,
  user: ({ request }) => request.attribution.user,
  customer: ({ request }) => request.attribution.customer,
  route: ({ request }) => request.route,
  day: ({ request }) => utcDay(request.startedAt),
};

test('rollup totals equal the sums of the raw rows for random workloads', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.array(requestArbitrary, { minLength: 1, maxLength: 40 }),
      fc.array(fc.nat(40), { maxLength: 8 }),
      fc.array(outcomeArbitrary, { maxLength: 12 }),
      async (specs, cuts, outcomeSpecs) => {
        const entries = specs.map((spec, index) => toEntry(index, spec));
        // Batches split at random points; the first batch is written twice, as a retry would.
        const points = [...new Set([0, ...cuts.map((cut) => cut % entries.length), entries.length])].sort((a, b) => a - b);
        const batches = points.slice(1).map((end, position) => entries.slice(points[position], end));
        batches.unshift(batches[0] ?? []);
        const outcomes: (OutcomeRecord & { position: number })[] = outcomeSpecs.map((spec, sequence) => ({
          ...('task' in spec.subject
            ? { taskId: spec.subject.task }
            : { requestId: `r${spec.subject.requestIndex % entries.length}` }),
          success: spec.success, source: 'feedback', recordedAt: sequence, position: spec.position % (batches.length + 1),
        }));

        const store = await openSqliteStoreOnThisThread({ path: ':memory:', create: true });
        try {
          for (let position = 0; position <= batches.length; position += 1) {
            for (const { position: at, ...outcome } of outcomes) if (at === position) await store.recordOutcome(outcome);
            if (position < batches.length) await store.writeBatch(batches[position]!);
          }
          const rows = await Promise.all(entries.map(({ request }) => store.getRequest(request.id)));
          const details = rows.map((row) => {
            assert.ok(row);
            return row;
          });

          // Each row's success: its own latest outcome, else its task's latest, else its status.
          const recorded = outcomes.toSorted((a, b) => a.position - b.position);
          for (const row of details) {
            const latest = (match: (outcome: OutcomeRecord) => boolean) => recorded.filter(match).at(-1)?.success;
            const expected =
              latest((outcome) => outcome.requestId === row.request.id) ??
              latest((outcome) => outcome.taskId !== undefined && outcome.taskId === row.request.attribution.task) ??
              row.request.status === 200;
            assert.equal(row.success, expected, `success of ${row.request.id}`);
          }

          for (const groupBy of USAGE_GROUPS) {
            const expected = new Map<string | null, {
              requests: number; successes: number; attempts: number; incomplete: number; cost: bigint; baseline: bigint;
              tokens: ReturnType<typeof emptyBuckets>;
            }>();
            for (const row of details) {
              const key = GROUP_OF[groupBy](row);
              const sum = expected.get(key) ??
                { requests: 0, successes: 0, attempts: 0, incomplete: 0, cost: 0n, baseline: 0n, tokens: emptyBuckets() };
              sum.requests += 1;
              sum.successes += row.success ? 1 : 0;
              sum.attempts += row.attempts.length;
              sum.incomplete += row.request.cost.complete ? 0 : 1;
              sum.cost += BigInt(row.request.cost.totalPicoUsd);
              sum.baseline += BigInt(row.request.baselineCostPicoUsd ?? 0);
              for (const bucket of BUCKET_NAMES) sum.tokens[bucket] += row.request.usage[bucket];
              expected.set(key, sum);
            }
            const actual = await store.usage({ groupBy });
            assert.equal(actual.length, expected.size, `${groupBy} groups`);
            for (const row of actual) {
              const sum = expected.get(row.key);
              assert.ok(sum, `${groupBy} group ${row.key}`);
              assert.deepEqual(
                [row.requests, row.successes, row.failures, row.attempts, row.incompleteCostRequests, row.costPicoUsd, row.baselineCostPicoUsd, row.tokens],
                [sum.requests, sum.successes, sum.requests - sum.successes, sum.attempts, sum.incomplete, sum.cost, sum.baseline, sum.tokens],
                `${groupBy} = ${row.key}`,
              );
            }
          }
        } finally {
          await store.close();
        }
      },
    ),
    { numRuns: 60 },
  );
});
