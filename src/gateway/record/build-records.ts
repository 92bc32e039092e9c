import { baselineCost } from '../../cost/reprice.ts';
import type { AttemptRecord, RecordedCost, RequestRecord } from '../../ledger/records.ts';
import { emptyBuckets, type UsageBuckets } from '../../usage/buckets.ts';
import type { Attempt } from '../call/attempt.ts';
import type { ModelCall } from '../call/model-call.ts';
import type { Gateway } from '../gateway.ts';
import { label } from '../steps/read-attribution.ts';
import { findPrice } from './price-usage.ts';

/** Written for a request that never reached the model (bad body, unknown model, ...). */
const UNKNOWN_MODEL = 'unknown';

function noCost(catalogVersion: string): RecordedCost {
  return { lines: [], totalPicoUsd: 0, complete: true, catalogVersion, pricingMode: null };
}

export function attemptRecord(gateway: Gateway, call: ModelCall, attempt: Attempt): AttemptRecord {
  return {
    id: attempt.id,
    requestId: call.id,
    index: attempt.index,
    kind: attempt.kind,
    provider: attempt.provider,
    model: attempt.model,
    deployment: null,
    status: attempt.status,
    errorClass: attempt.errorClass,
    usage: attempt.usage?.buckets ?? emptyBuckets(),
    rawUsage: attempt.usage?.raw ?? null,
    cost: attempt.priced?.recorded ?? noCost(gateway.catalog.version),
    latencyMs: attempt.latencyMs,
    timeToFirstTokenMs: attempt.timeToFirstTokenMs,
    validation: null,
  };
}

/** The attempts' usage summed bucket by bucket. */
function totalUsage(attempts: readonly AttemptRecord[]): UsageBuckets {
  if (attempts.length === 1) return attempts[0]!.usage;
  const total = emptyBuckets();
  for (const attempt of attempts) {
    for (const bucket in total) total[bucket as keyof UsageBuckets] += attempt.usage[bucket as keyof UsageBuckets];
  }
  return total;
}

/** Every attempt's cost lines under one total: the request's cost is what all its attempts cost. */
function totalCost(attempts: readonly AttemptRecord[], catalogVersion: string): RecordedCost {
  if (attempts.length === 1) return attempts[0]!.cost;
  const cost = noCost(catalogVersion);
  for (const attempt of attempts) {
    cost.lines.push(...attempt.cost.lines);
    cost.totalPicoUsd += attempt.cost.totalPicoUsd;
    cost.complete &&= attempt.cost.complete;
    cost.pricingMode ??= attempt.cost.pricingMode;
  }
  return cost;
}

/**
 * The baseline: the same usage on the route's baseline model (else the model asked for)
 * at live price with nothing cached. Null when that model has no price.
 */
function baselinePico(gateway: Gateway, call: ModelCall, usage: UsageBuckets): number | null {
  const baseline = call.target?.baseline;
  if (baseline === undefined) return 0;
  const family = gateway.providers.get(baseline.provider)?.config.type ?? baseline.provider;
  const entry = findPrice(gateway.catalog, baseline.provider, family, baseline.model);
  if (entry === undefined) return null;
  const cost = baselineCost(entry, usage, gateway.catalog.version);
  return cost.complete ? cost.totalPicoUsd : null;
}

/** A finished call as the ledger's request and attempt records. */
export function buildRecords(gateway: Gateway, call: ModelCall): { request: RequestRecord; attempts: AttemptRecord[] } {
  const attempts = call.attempts.map((attempt) => attemptRecord(gateway, call, attempt));
  const last = call.attempts.at(-1);
  const usage = totalUsage(attempts);
  const rawUsage = attempts.length === 1 ? attempts[0]!.rawUsage : attempts.length === 0 ? null : attempts.map((attempt) => attempt.rawUsage);
  let upstreamLatencyMs: number | null = null;
  for (const attempt of attempts) upstreamLatencyMs = (upstreamLatencyMs ?? 0) + attempt.latencyMs;
  const modelRequested = label(call.summary?.model) ?? UNKNOWN_MODEL;
  const request: RequestRecord = {
    id: call.id,
    startedAt: call.startedAt,
    finishedAt: Math.max(call.startedAt, Date.now()),
    clientProtocol: call.protocol.name,
    provider: last?.provider ?? null,
    modelRequested,
    modelServed: last !== undefined && last.status !== null && last.status < 400 ? last.model : null,
    route: call.target?.route ?? null,
    status: call.status,
    errorClass: call.errorClass,
    streamed: call.summary?.stream ?? false,
    usage,
    rawUsage,
    cost: totalCost(attempts, gateway.catalog.version),
    baselineModel: call.target?.baseline.model ?? modelRequested,
    baselineCostPicoUsd: baselinePico(gateway, call, usage),
    timeToFirstTokenMs: call.timeToFirstTokenMs,
    latencyMs: call.elapsed(),
    upstreamLatencyMs,
    attribution: call.attribution,
    cache: null,
  };
  return { request, attempts };
}
