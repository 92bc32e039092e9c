/**
 * Exclusive token buckets: every billed token sits in exactly one bucket, so a
 * cost is the sum of (bucket tokens × bucket price) and nothing is counted twice.
 *
 * - input:        uncached prompt tokens
 * - cacheRead:    prompt tokens served from the provider's prompt cache
 * - cacheWrite5m: prompt tokens written to a 5-minute cache entry
 * - cacheWrite1h: prompt tokens written to a 1-hour cache entry
 * - output:       visible completion tokens
 * - reasoning:    hidden reasoning / thinking tokens (billed at the reasoning price,
 *                 which is the output price unless the catalog says otherwise)
 */
export interface UsageBuckets {
  input: number;
  cacheRead: number;
  cacheWrite5m: number;
  cacheWrite1h: number;
  output: number;
  reasoning: number;
}

export const BUCKET_NAMES = [
  'input',
  'cacheRead',
  'cacheWrite5m',
  'cacheWrite1h',
  'output',
  'reasoning',
] as const satisfies readonly (keyof UsageBuckets)[];

export type BucketName = (typeof BUCKET_NAMES)[number];

/** The native usage shapes Frugal normalizes at the provider edge. */
export const USAGE_FORMATS = [
  'openai',
  'openai-responses',
  'anthropic',
  'gemini',
  'deepseek',
  'frugal',
] as const;

export type UsageFormat = (typeof USAGE_FORMATS)[number];

/** Buckets plus the provider's own usage object, kept verbatim beside them. */
export interface NormalizedUsage {
  format: UsageFormat;
  buckets: UsageBuckets;
  raw: unknown;
  /** Service tier the provider reported (OpenAI echoes `service_tier`), when present. */
  serviceTier?: string;
  /** Billable server-side tool calls the usage reports (Anthropic `server_tool_use`), by tool kind. */
  toolCalls?: Record<string, number>;
}

export function emptyBuckets(): UsageBuckets {
  return { input: 0, cacheRead: 0, cacheWrite5m: 0, cacheWrite1h: 0, output: 0, reasoning: 0 };
}

/** All prompt-side tokens, as used for long-context thresholds. */
export function promptTokens(buckets: UsageBuckets): number {
  return buckets.input + buckets.cacheRead + buckets.cacheWrite5m + buckets.cacheWrite1h;
}

/** All completion-side tokens (visible plus reasoning). */
export function completionTokens(buckets: UsageBuckets): number {
  return buckets.output + buckets.reasoning;
}
