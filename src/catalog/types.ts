/**
 * Frugal's price catalog schema. Prices are US dollars per million tokens, written as
 * decimal strings ("0.075") so they are exact; the cost engine turns them into integers.
 * A missing (undefined) price means "unknown", never zero.
 */
import type { BucketName } from '../usage/buckets.ts';

export type UsdPerMillion = string;

/** A price for each usage bucket. Undefined = not published / unknown. */
export type BucketPrices = Partial<Record<BucketName, UsdPerMillion>>;

export const PRICING_MODES = ['live', 'batch', 'flex', 'priority'] as const;
export type PricingMode = (typeof PRICING_MODES)[number];

/** Prices for each pricing mode; `live` is the standard synchronous price. */
export interface ModePrices {
  live: BucketPrices;
  batch?: BucketPrices;
  flex?: BucketPrices;
  priority?: BucketPrices;
}

/**
 * Above `aboveInputTokens` prompt tokens (input + cache reads + cache writes) the whole
 * request is re-priced with these prices (every bucket, not only the excess).
 */
export interface LongContextTier {
  aboveInputTokens: number;
  prices: ModePrices;
}

export interface Capabilities {
  streaming: boolean;
  tools: boolean;
  vision: boolean;
  reasoning: boolean;
  promptCaching: boolean;
  jsonSchema: boolean;
}

export interface Fees {
  /** Flat USD per request. */
  perRequest?: string;
  /** Flat USD per query, for search and rerank models billed by query. */
  perQuery?: string;
  /**
   * Flat USD per tool call, by tool kind: the names in src/usage/tool-kinds.ts (`web_search`,
   * `web_search_low`, `web_search_high`, `web_fetch`), which usage normalization reports and
   * the cost engine prices as `toolFee:<kind>` lines.
   */
  perToolCall?: Record<string, string>;
}

export type ModelKind = 'chat' | 'embedding' | 'completion' | 'responses';

export interface CatalogEntry {
  /** Provider route, e.g. "openai", "anthropic", "gemini", "deepseek", "openrouter", "together", "fireworks", "groq". */
  provider: string;
  /** The model id as sent on that provider's wire. */
  model: string;
  /** Other names that resolve to this entry (dated snapshots, vendor prefixes). */
  aliases?: string[];
  /** ISO date (YYYY-MM-DD) from which this entry's prices apply. */
  effectiveFrom: string;
  kind: ModelKind;
  contextWindow?: number;
  maxOutputTokens?: number;
  capabilities: Capabilities;
  /** Minimum prompt tokens before the provider caches a prefix (per model). */
  promptCacheMinTokens?: number;
  prices: ModePrices;
  longContext?: LongContextTier[];
  /** Multipliers applied to every price for regional processing, e.g. { eu: "1.1" }. */
  regionMultipliers?: Record<string, string>;
  fees?: Fees;
  deprecationDate?: string;
  /** Where the prices came from. */
  source?: string;
}

export interface CatalogFile {
  /** Identifies the catalog content, e.g. "litellm-2026-07-24+frugal-1". */
  version: string;
  generatedFrom?: string;
  entries: CatalogEntry[];
}
