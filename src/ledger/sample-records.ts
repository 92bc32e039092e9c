/**
 * Builders for well-formed records, for tests and the ledger benchmark. Prices are given in
 * pico-USD per token ($0.15 per million tokens = 150,000 pico-USD per token).
 */
import { BUCKET_NAMES, emptyBuckets, type BucketName, type UsageBuckets } from '../usage/buckets.ts';
import type { AttemptRecord, RecordedCost, RequestRecord } from './records.ts';

export type PicoPrices = Partial<Record<BucketName, number>>;

/** Itemized cost of usage at the given prices; a bucket with tokens but no price is unpriced. */
export function costAt(usage: UsageBuckets, prices: PicoPrices, catalogVersion = 'test-catalog'): RecordedCost {
  const lines = BUCKET_NAMES.filter((bucket) => usage[bucket] > 0).map((bucket) => {
    const unit = prices[bucket];
    return {
      item: bucket,
      quantity: usage[bucket],
      unitPicoUsd: unit ?? null,
      amountPicoUsd: unit === undefined ? null : unit * usage[bucket],
    };
  });
  return {
    lines,
    totalPicoUsd: lines.reduce((sum, line) => sum + (line.amountPicoUsd ?? 0), 0),
    complete: lines.every((line) => line.amountPicoUsd !== null),
    catalogVersion,
    pricingMode: 'live',
  };
}

export function usageOf(tokens: Partial<UsageBuckets>): UsageBuckets {
  return { ...emptyBuckets(), ...tokens };
}

const NO_ATTRIBUTION: RequestRecord['attribution'] = {
  feature: null, user: null, customer: null, task: null, session: null, properties: {},
};

export type RequestOverrides = Partial<Omit<RequestRecord, 'attribution'>> & {
  attribution?: Partial<RequestRecord['attribution']>;
};

/** A successful, non-streamed request with no usage unless overridden. */
export function sampleRequest(overrides: RequestOverrides & { id: string }): RequestRecord {
  const startedAt = overrides.startedAt ?? Date.UTC(2026, 6, 1, 12, 0, 0);
  const { attribution, ...rest } = overrides;
  return {
    startedAt,
    finishedAt: startedAt + 250,
    clientProtocol: 'openai-chat',
    provider: 'openai',
    modelRequested: 'gpt-4o-mini',
    modelServed: 'gpt-4o-mini',
    route: null,
    status: 200,
    errorClass: null,
    streamed: false,
    usage: emptyBuckets(),
    rawUsage: null,
    cost: costAt(emptyBuckets(), {}),
    baselineModel: 'gpt-4o-mini',
    baselineCostPicoUsd: 0,
    timeToFirstTokenMs: null,
    latencyMs: 250,
    upstreamLatencyMs: 240,
    cache: null,
    ...rest,
    attribution: { ...NO_ATTRIBUTION, ...attribution },
  };
}

/** The primary attempt that served a request, carrying the request's usage and cost. */
export function attemptFor(request: RequestRecord, overrides: Partial<AttemptRecord> = {}): AttemptRecord {
  return {
    id: `${request.id}/0`,
    requestId: request.id,
    index: 0,
    kind: 'primary',
    provider: request.provider ?? 'openai',
    model: request.modelServed ?? request.modelRequested,
    deployment: null,
    status: request.status,
    errorClass: request.errorClass,
    usage: request.usage,
    rawUsage: request.rawUsage,
    cost: request.cost,
    latencyMs: request.upstreamLatencyMs ?? 0,
    timeToFirstTokenMs: request.timeToFirstTokenMs,
    validation: null,
    ...overrides,
  };
}
