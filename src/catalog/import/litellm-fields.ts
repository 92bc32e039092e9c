import { FrugalError } from '../../errors/frugal-error.ts';
import type { BucketName } from '../../usage/buckets.ts';
import type { ToolKind } from '../../usage/tool-kinds.ts';
import type { BucketPrices, CatalogEntry, Fees, LongContextTier, ModePrices } from '../types.ts';
import { floatToDecimal, perTokenToPerMillion } from './float-to-decimal.ts';
import type { Selection, SnapshotRecord } from './providers.ts';

/** The LiteLLM cost key of each usage bucket (USD per token). */
export const BUCKET_FIELDS: Readonly<Record<BucketName, string>> = {
  input: 'input_cost_per_token',
  cacheRead: 'cache_read_input_token_cost',
  cacheWrite5m: 'cache_creation_input_token_cost',
  // Despite its name, LiteLLM's "above_1hr" key is the price of a 1-hour cache write.
  cacheWrite1h: 'cache_creation_input_token_cost_above_1hr',
  output: 'output_cost_per_token',
  reasoning: 'output_cost_per_reasoning_token',
};

/** Suffix of each non-live pricing mode's keys. */
const MODE_SUFFIXES = { batch: '_batches', flex: '_flex', priority: '_priority' } as const;

/** Long-context thresholds LiteLLM encodes as "*_above_<N>k_tokens" (N × 1,000 prompt tokens). */
export const LONG_CONTEXT_THRESHOLDS = [128, 200, 256, 272, 512] as const;

/** LiteLLM's search context sizes and the tool kind each is billed as ("web_search" is the default, medium). */
const SEARCH_CONTEXT_KINDS: Readonly<Record<string, ToolKind>> = {
  search_context_size_low: 'web_search_low',
  search_context_size_medium: 'web_search',
  search_context_size_high: 'web_search_high',
};
const REGION_PREFIX = 'regional_processing_uplift_multiplier_';

function fail(key: string, field: string, expected: string, value: unknown): never {
  throw new FrugalError(
    'FRUGAL_INVALID_CATALOG',
    `snapshot entry "${key}": ${field} must be ${expected}, got ${JSON.stringify(value)}`,
    { entry: key, field },
  );
}

function price(record: SnapshotRecord, key: string, field: string): string | undefined {
  const value = record[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value)) fail(key, field, 'a number (USD per token)', value);
  return perTokenToPerMillion(value);
}

function usd(record: SnapshotRecord, key: string, field: string): string | undefined {
  const value = record[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) fail(key, field, 'a non-negative number (USD)', value);
  return floatToDecimal(value);
}

function count(record: SnapshotRecord, field: string): number | undefined {
  const value = record[field];
  return Number.isSafeInteger(value) && (value as number) > 0 ? (value as number) : undefined;
}

function bucketPrices(record: SnapshotRecord, key: string, suffix: string): BucketPrices | undefined {
  const prices: BucketPrices = {};
  for (const [bucket, field] of Object.entries(BUCKET_FIELDS) as [BucketName, string][]) {
    const value = price(record, key, `${field}${suffix}`);
    if (value !== undefined) prices[bucket] = value;
  }
  return Object.keys(prices).length === 0 ? undefined : prices;
}

function modePrices(record: SnapshotRecord, key: string, suffix: string): ModePrices | undefined {
  const live = bucketPrices(record, key, suffix);
  const modes: Partial<ModePrices> = {};
  for (const [mode, modeSuffix] of Object.entries(MODE_SUFFIXES)) {
    const prices = bucketPrices(record, key, `${suffix}${modeSuffix}`);
    if (prices !== undefined) modes[mode as keyof typeof MODE_SUFFIXES] = prices;
  }
  if (live === undefined && Object.keys(modes).length === 0) return undefined;
  return { live: live ?? {}, ...modes };
}

function fees(record: SnapshotRecord, key: string): Fees | undefined {
  const result: Fees = {};
  const perRequest = usd(record, key, 'input_cost_per_request');
  if (perRequest !== undefined) result.perRequest = perRequest;
  const perQuery = usd(record, key, 'input_cost_per_query');
  if (perQuery !== undefined) result.perQuery = perQuery;
  const search = record.search_context_cost_per_query;
  if (search !== undefined) {
    if (typeof search !== 'object' || search === null) fail(key, 'search_context_cost_per_query', 'an object of sizes', search);
    const perToolCall: Record<string, string> = {};
    for (const [size, kind] of Object.entries(SEARCH_CONTEXT_KINDS)) {
      const value = usd(search as SnapshotRecord, key, size);
      if (value !== undefined) perToolCall[kind] = value;
    }
    if (Object.keys(perToolCall).length > 0) result.perToolCall = perToolCall;
  }
  return Object.keys(result).length === 0 ? undefined : result;
}

function regionMultipliers(record: SnapshotRecord, key: string): Record<string, string> | undefined {
  const result: Record<string, string> = {};
  for (const field of Object.keys(record).sort()) {
    if (!field.startsWith(REGION_PREFIX)) continue;
    const value = usd(record, key, field);
    if (value !== undefined) result[field.slice(REGION_PREFIX.length)] = value;
  }
  return Object.keys(result).length === 0 ? undefined : result;
}

/**
 * A zero cache-write price beside a non-zero input price is LiteLLM's way of saying "no
 * write surcharge" (DeepSeek, several OpenRouter hosts): those tokens are billed as input,
 * so Frugal leaves the write price unset rather than making writes free.
 */
function dropZeroWrites(prices: ModePrices): void {
  for (const bucketPrices of Object.values(prices) as (BucketPrices | undefined)[]) {
    if (bucketPrices === undefined || bucketPrices.input === undefined || bucketPrices.input === '0') continue;
    if (bucketPrices.cacheWrite5m === '0') delete bucketPrices.cacheWrite5m;
    if (bucketPrices.cacheWrite1h === '0') delete bucketPrices.cacheWrite1h;
  }
}

/**
 * One snapshot record as a catalog entry, field for field; corrections and derivations
 * are applied afterwards (corrections.ts).
 */
export function mapRecord(key: string, record: SnapshotRecord, selection: Selection, effectiveFrom: string): CatalogEntry {
  const prices = modePrices(record, key, '') ?? { live: {} };
  dropZeroWrites(prices);
  // DeepSeek names its cache-read price "cache_hit".
  if (selection.provider === 'deepseek') {
    const hit = price(record, key, 'input_cost_per_token_cache_hit');
    if (hit !== undefined) prices.live.cacheRead = hit;
  }
  const longContext: LongContextTier[] = [];
  for (const threshold of LONG_CONTEXT_THRESHOLDS) {
    const tier = modePrices(record, key, `_above_${threshold}k_tokens`);
    if (tier !== undefined) longContext.push({ aboveInputTokens: threshold * 1000, prices: tier });
  }
  const caching = record.supports_prompt_caching === true || prices.live.cacheRead !== undefined;
  const contextWindow = count(record, 'max_input_tokens');
  const maxOutputTokens = count(record, 'max_output_tokens');
  const promptCacheMinTokens = count(record, 'prompt_cache_min_tokens');
  const entry: CatalogEntry = {
    provider: selection.provider,
    model: selection.model,
    ...(selection.aliases.length === 0 ? {} : { aliases: [...selection.aliases] }),
    effectiveFrom,
    kind: selection.kind,
    ...(contextWindow === undefined ? {} : { contextWindow }),
    ...(maxOutputTokens === undefined ? {} : { maxOutputTokens }),
    capabilities: {
      streaming: selection.kind !== 'embedding' && record.supports_native_streaming !== false,
      tools: record.supports_function_calling === true,
      vision: record.supports_vision === true,
      reasoning: record.supports_reasoning === true,
      promptCaching: caching,
      jsonSchema: record.supports_response_schema === true,
    },
    ...(promptCacheMinTokens === undefined ? {} : { promptCacheMinTokens }),
    prices,
  };
  if (longContext.length > 0) entry.longContext = longContext;
  const regions = regionMultipliers(record, key);
  if (regions !== undefined) entry.regionMultipliers = regions;
  const entryFees = fees(record, key);
  if (entryFees !== undefined) entry.fees = entryFees;
  if (typeof record.deprecation_date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(record.deprecation_date)) {
    entry.deprecationDate = record.deprecation_date;
  }
  return entry;
}
