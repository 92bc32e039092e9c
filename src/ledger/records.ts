/**
 * What the ledger stores. Money is integer pico-USD (1 USD = 10^12 pico-USD); times are
 * epoch milliseconds; durations are milliseconds (fractions allowed). A field that does not
 * apply is null, never omitted, so a record reads back exactly as it was written.
 */
import type { PricingMode } from '../catalog/types.ts';
import type { UsageBuckets } from '../usage/buckets.ts';

/** One billed item: a usage bucket ("input", "cacheRead", ...) or a fee ("request", "tool:web_search"). */
export interface CostLine {
  item: string;
  /** Tokens for a bucket, calls for a fee. */
  quantity: number;
  /** Price of one unit in pico-USD; null when the catalog has no price (unpriced). */
  unitPicoUsd: number | null;
  /** quantity × unitPicoUsd; null when unpriced. */
  amountPicoUsd: number | null;
}

export interface RecordedCost {
  lines: CostLine[];
  /** Sum of the priced lines. */
  totalPicoUsd: number;
  /** False when any line is unpriced: the total is then a lower bound. */
  complete: boolean;
  catalogVersion: string | null;
  pricingMode: PricingMode | null;
}

/** Where a request's money is attributed, from the x-frugal-* headers and the protocols' user fields. */
export interface Attribution {
  feature: string | null;
  user: string | null;
  customer: string | null;
  task: string | null;
  session: string | null;
  /** x-frugal-property-<name> headers, by name. */
  properties: Record<string, string>;
}

export const CACHE_STATUSES = ['miss', 'hit-exact', 'hit-semantic', 'bypass'] as const;
export type CacheStatus = (typeof CACHE_STATUSES)[number];

/** Response-cache outcome for a request, for the cache levers. */
export interface RequestCacheRecord {
  status: CacheStatus;
  /** Cost the request would have had upstream, when a hit avoided it. */
  avoidedCostPicoUsd: number | null;
  /** Embedding similarity of a semantic hit. */
  similarity: number | null;
}

/** One client call to the gateway. Usage and cost are totals over all of its attempts. */
export interface RequestRecord {
  id: string;
  startedAt: number;
  finishedAt: number;
  /** Wire format the client spoke, e.g. "openai-chat", "anthropic-messages". */
  clientProtocol: string;
  /** Provider that served the response; null when none did (cache hit, failure before upstream). */
  provider: string | null;
  modelRequested: string;
  modelServed: string | null;
  route: string | null;
  /** HTTP status returned to the client. */
  status: number;
  /** Stable error class when the request failed (e.g. "upstream_timeout"), else null. */
  errorClass: string | null;
  streamed: boolean;
  usage: UsageBuckets;
  /** The provider's own usage object(s), verbatim; null when there were none. */
  rawUsage: unknown;
  cost: RecordedCost;
  /** The route's baseline model and what this request would have cost on it (live price, no cache, no trimming). */
  baselineModel: string;
  /** Null when the baseline model is unpriced. */
  baselineCostPicoUsd: number | null;
  timeToFirstTokenMs: number | null;
  latencyMs: number;
  /** Time spent waiting on upstream calls; null when no upstream call was made. */
  upstreamLatencyMs: number | null;
  attribution: Attribution;
  /** Null until the response cache exists or when it was not consulted. */
  cache: RequestCacheRecord | null;
}

export const ATTEMPT_KINDS = ['primary', 'retry', 'fallback', 'escalation', 'race', 'judge'] as const;
export type AttemptKind = (typeof ATTEMPT_KINDS)[number];

/** What a validator said about an attempt's answer. */
export interface AttemptValidation {
  validator: string;
  passed: boolean;
  score: number | null;
  note: string | null;
}

/** One upstream call made for a request. */
export interface AttemptRecord {
  id: string;
  requestId: string;
  /** Position among the request's attempts, from 0. */
  index: number;
  kind: AttemptKind;
  provider: string;
  model: string;
  /** Which deployment (key, region, base URL name) served it, when the provider has several. */
  deployment: string | null;
  /** Upstream HTTP status; null when no response arrived (connect error, timeout). */
  status: number | null;
  errorClass: string | null;
  usage: UsageBuckets;
  rawUsage: unknown;
  cost: RecordedCost;
  latencyMs: number;
  timeToFirstTokenMs: number | null;
  validation: AttemptValidation | null;
}

export const OUTCOME_SOURCES = ['validator', 'feedback'] as const;
export type OutcomeSource = (typeof OUTCOME_SOURCES)[number];

interface OutcomeFields {
  success: boolean;
  score?: number;
  note?: string;
  source: OutcomeSource;
  recordedAt: number;
}

/** Success or failure of one request, or of a whole task (which then counts for each of its requests). */
export type OutcomeRecord =
  | (OutcomeFields & { requestId: string; taskId?: undefined })
  | (OutcomeFields & { taskId: string; requestId?: undefined });

/** A request and the attempts made for it: the unit the gateway hands to the ledger. */
export interface LedgerEntry {
  request: RequestRecord;
  attempts: AttemptRecord[];
}
