/**
 * What a batch adds to the rollups: one delta per daily rollup key and one per task, summed in
 * memory so each key costs one upsert. Deltas come out sorted by key so concurrent writers
 * lock rollup rows in the same order and cannot deadlock.
 */
import { BUCKET_NAMES, emptyBuckets } from '../usage/buckets.ts';
import { utcDay } from './day.ts';
import { requireSafeInteger } from './money.ts';
import type { RequestRecord } from './records.ts';
import type { UsageTotals } from './store.ts';

/** Attribution is '' when absent; the model is the one served, else the one requested. */
export interface RollupKey {
  day: string;
  provider: string;
  model: string;
  feature: string;
  user: string;
  customer: string;
  route: string;
}

export interface DailyDelta {
  key: RollupKey;
  values: UsageTotals;
}

export interface TaskDelta {
  taskId: string;
  firstDay: string;
  requests: number;
  costPicoUsd: bigint;
  baselineCostPicoUsd: bigint;
}

export interface StoredRequest {
  request: RequestRecord;
  attemptCount: number;
  success: boolean;
}

export function rollupKey(request: RequestRecord): RollupKey {
  const { attribution } = request;
  return {
    day: utcDay(request.startedAt),
    provider: request.provider ?? '',
    model: request.modelServed ?? request.modelRequested,
    feature: attribution.feature ?? '',
    user: attribution.user ?? '',
    customer: attribution.customer ?? '',
    route: request.route ?? '',
  };
}

export const keyText = (key: RollupKey): string =>
  [key.day, key.provider, key.model, key.feature, key.user, key.customer, key.route].join('\u0000');

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);


export function dailyDeltas(stored: readonly StoredRequest[]): DailyDelta[] {
  const deltas = new Map<string, DailyDelta>();
  for (const { request, attemptCount, success } of stored) {
    const key = rollupKey(request);
    const text = keyText(key);
    let delta = deltas.get(text);
    if (delta === undefined) {
      delta = {
        key,
        values: {
          requests: 0, successes: 0, failures: 0, attempts: 0, incompleteCostRequests: 0,
          tokens: emptyBuckets(), costPicoUsd: 0n, baselineCostPicoUsd: 0n,
        },
      };
      deltas.set(text, delta);
    }
    const values = delta.values;
    values.requests += 1;
    if (success) values.successes += 1;
    else values.failures += 1;
    values.attempts += attemptCount;
    if (!request.cost.complete) values.incompleteCostRequests += 1;
    for (const bucket of BUCKET_NAMES) {
      values.tokens[bucket] = requireSafeInteger(values.tokens[bucket] + request.usage[bucket], `${bucket} tokens`);
    }
    values.costPicoUsd += BigInt(request.cost.totalPicoUsd);
    values.baselineCostPicoUsd += BigInt(request.baselineCostPicoUsd ?? 0);
  }
  return [...deltas.entries()].sort(([a], [b]) => compareText(a, b)).map(([, delta]) => delta);
}

export function taskDeltas(stored: readonly StoredRequest[]): TaskDelta[] {
  const deltas = new Map<string, TaskDelta>();
  for (const { request } of stored) {
    const taskId = request.attribution.task;
    if (taskId === null) continue;
    const day = utcDay(request.startedAt);
    const delta = deltas.get(taskId);
    if (delta === undefined) {
      deltas.set(taskId, {
        taskId, firstDay: day, requests: 1,
        costPicoUsd: BigInt(request.cost.totalPicoUsd), baselineCostPicoUsd: BigInt(request.baselineCostPicoUsd ?? 0),
      });
      continue;
    }
    delta.requests += 1;
    if (day < delta.firstDay) delta.firstDay = day;
    delta.costPicoUsd += BigInt(request.cost.totalPicoUsd);
    delta.baselineCostPicoUsd += BigInt(request.baselineCostPicoUsd ?? 0);
  }
  return [...deltas.values()].sort((a, b) => compareText(a.taskId, b.taskId));
}
