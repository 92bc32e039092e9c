/** Records ↔ table rows. Column lists are the single source for inserts and reads. */
import type { PricingMode } from '../../catalog/types.ts';
import { FrugalError } from '../../errors/frugal-error.ts';
import type { UsageBuckets } from '../../usage/buckets.ts';
import { utcDay } from '../day.ts';
import type {
  AttemptKind, AttemptRecord, CacheStatus, OutcomeRecord, OutcomeSource, RecordedCost, RequestRecord,
} from '../records.ts';
import type { SuccessSource } from '../store.ts';
import type { SqlRow, SqlScalar } from './driver.ts';
import { TOKEN_COLUMN_NAMES } from './schema.ts';


export const REQUEST_COLUMNS = [
  'id', 'started_at', 'finished_at', 'day', 'client_protocol', 'provider', 'model_requested', 'model_served', 'route',
  'status', 'error_class', 'streamed', ...TOKEN_COLUMN_NAMES, 'raw_usage', 'cost_lines', 'cost_pico', 'cost_complete',
  'catalog_version', 'pricing_mode', 'baseline_model', 'baseline_cost_pico', 'time_to_first_token_ms', 'latency_ms',
  'upstream_latency_ms', 'feature', 'user_id', 'customer', 'task_id', 'session_id', 'properties', 'cache_status',
  'cache_avoided_cost_pico', 'cache_similarity', 'attempt_count', 'success', 'success_source',
] as const;

export const ATTEMPT_COLUMNS = [
  'id', 'request_id', 'attempt_index', 'kind', 'provider', 'model', 'deployment', 'status', 'error_class',
  ...TOKEN_COLUMN_NAMES, 'raw_usage', 'cost_lines', 'cost_pico', 'cost_complete', 'catalog_version', 'pricing_mode',
  'latency_ms', 'time_to_first_token_ms', 'validation',
] as const;

const tokenValues = (usage: UsageBuckets): SqlScalar[] => [
  usage.input, usage.cacheRead, usage.cacheWrite5m, usage.cacheWrite1h, usage.output, usage.reasoning,
];

const costValues = (cost: RecordedCost): SqlScalar[] => [
  JSON.stringify(cost.lines), cost.totalPicoUsd, cost.complete ? 1 : 0, cost.catalogVersion, cost.pricingMode,
];

/** JSON for an `unknown` field; undefined is stored as null. */
function json(value: unknown, field: string): string | null {
  if (value === undefined || value === null) return null;
  try {
    return JSON.stringify(value);
  } catch (error) {
    throw new FrugalError('FRUGAL_INVALID_RECORD', `${field} cannot be stored as JSON: ${(error as Error).message}`, { field });
  }
}

export function requestValues(
  request: RequestRecord, attemptCount: number, success: boolean, successSource: SuccessSource,
): SqlScalar[] {
  const { attribution, cache } = request;
  return [
    request.id, request.startedAt, request.finishedAt, utcDay(request.startedAt), request.clientProtocol,
    request.provider, request.modelRequested, request.modelServed, request.route, request.status,
    request.errorClass, request.streamed ? 1 : 0, ...tokenValues(request.usage), json(request.rawUsage, `request ${request.id} rawUsage`),
    ...costValues(request.cost), request.baselineModel, request.baselineCostPicoUsd, request.timeToFirstTokenMs,
    request.latencyMs, request.upstreamLatencyMs, attribution.feature, attribution.user, attribution.customer,
    attribution.task, attribution.session, JSON.stringify(attribution.properties), cache?.status ?? null,
    cache?.avoidedCostPicoUsd ?? null, cache?.similarity ?? null, attemptCount, success ? 1 : 0, successSource,
  ];
}

export function attemptValues(attempt: AttemptRecord): SqlScalar[] {
  return [
    attempt.id, attempt.requestId, attempt.index, attempt.kind, attempt.provider, attempt.model, attempt.deployment,
    attempt.status, attempt.errorClass, ...tokenValues(attempt.usage), json(attempt.rawUsage, `attempt ${attempt.id} rawUsage`),
    ...costValues(attempt.cost), attempt.latencyMs, attempt.timeToFirstTokenMs, json(attempt.validation, `attempt ${attempt.id} validation`),
  ];
}

const text = (value: unknown): string | null => (value === null || value === undefined ? null : String(value));
const numberOrNull = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));
const parsed = (value: unknown): unknown => (value === null || value === undefined ? null : JSON.parse(String(value)));

function tokensFrom(row: SqlRow): UsageBuckets {
  return {
    input: Number(row.input_tokens),
    cacheRead: Number(row.cache_read_tokens),
    cacheWrite5m: Number(row.cache_write_5m_tokens),
    cacheWrite1h: Number(row.cache_write_1h_tokens),
    output: Number(row.output_tokens),
    reasoning: Number(row.reasoning_tokens),
  };
}

function costFrom(row: SqlRow): RecordedCost {
  return {
    lines: parsed(row.cost_lines) as RecordedCost['lines'],
    totalPicoUsd: Number(row.cost_pico),
    complete: Number(row.cost_complete) === 1,
    catalogVersion: text(row.catalog_version),
    pricingMode: text(row.pricing_mode) as PricingMode | null,
  };
}

export function requestFrom(row: SqlRow): RequestRecord {
  return {
    id: String(row.id),
    startedAt: Number(row.started_at),
    finishedAt: Number(row.finished_at),
    clientProtocol: String(row.client_protocol),
    provider: text(row.provider),
    modelRequested: String(row.model_requested),
    modelServed: text(row.model_served),
    route: text(row.route),
    status: Number(row.status),
    errorClass: text(row.error_class),
    streamed: Number(row.streamed) === 1,
    usage: tokensFrom(row),
    rawUsage: parsed(row.raw_usage),
    cost: costFrom(row),
    baselineModel: String(row.baseline_model),
    baselineCostPicoUsd: numberOrNull(row.baseline_cost_pico),
    timeToFirstTokenMs: numberOrNull(row.time_to_first_token_ms),
    latencyMs: Number(row.latency_ms),
    upstreamLatencyMs: numberOrNull(row.upstream_latency_ms),
    attribution: {
      feature: text(row.feature),
      user: text(row.user_id),
      customer: text(row.customer),
      task: text(row.task_id),
      session: text(row.session_id),
      properties: parsed(row.properties) as Record<string, string>,
    },
    cache: row.cache_status === null || row.cache_status === undefined
      ? null
      : {
          status: String(row.cache_status) as CacheStatus,
          avoidedCostPicoUsd: numberOrNull(row.cache_avoided_cost_pico),
          similarity: numberOrNull(row.cache_similarity),
        },
  };
}

export function attemptFrom(row: SqlRow): AttemptRecord {
  return {
    id: String(row.id),
    requestId: String(row.request_id),
    index: Number(row.attempt_index),
    kind: String(row.kind) as AttemptKind,
    provider: String(row.provider),
    model: String(row.model),
    deployment: text(row.deployment),
    status: numberOrNull(row.status),
    errorClass: text(row.error_class),
    usage: tokensFrom(row),
    rawUsage: parsed(row.raw_usage),
    cost: costFrom(row),
    latencyMs: Number(row.latency_ms),
    timeToFirstTokenMs: numberOrNull(row.time_to_first_token_ms),
    validation: parsed(row.validation) as AttemptRecord['validation'],
  };
}

export function outcomeFrom(row: SqlRow): OutcomeRecord {
  const fields = {
    success: Number(row.success) === 1,
    source: String(row.source) as OutcomeSource,
    recordedAt: Number(row.recorded_at),
    ...(row.score === null || row.score === undefined ? {} : { score: Number(row.score) }),
    ...(row.note === null || row.note === undefined ? {} : { note: String(row.note) }),
  };
  return row.subject_kind === 'task'
    ? { taskId: String(row.subject_id), ...fields }
    : { requestId: String(row.subject_id), ...fields };
}
