/**
 * DeepSeek usage (OpenAI-compatible plus cache fields): `prompt_tokens` =
 * `prompt_cache_hit_tokens` + `prompt_cache_miss_tokens`; for deepseek-reasoner the
 * reasoning tokens are counted inside `completion_tokens`.
 */
import type { NormalizedUsage, UsageBuckets } from '../buckets.ts';
import { FrugalError } from '../../errors/frugal-error.ts';
import { checkPartWithin, readCount, readObject, readOptionalObject } from '../read-count.ts';

export interface DeepSeekUsage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
  prompt_tokens_details: { cached_tokens: number };
  prompt_cache_hit_tokens: number;
  prompt_cache_miss_tokens: number;
  completion_tokens_details?: { reasoning_tokens: number };
}

export function normalizeDeepSeekUsage(raw: unknown): NormalizedUsage {
  const usage = readObject(raw, 'usage');
  const promptTokens = readCount(usage['prompt_tokens'], 'prompt_tokens', true);
  const completionTokens = readCount(usage['completion_tokens'], 'completion_tokens', true);
  const hit = readCount(usage['prompt_cache_hit_tokens'], 'prompt_cache_hit_tokens');
  checkPartWithin(hit, 'prompt_cache_hit_tokens', promptTokens, 'prompt_tokens');
  const missValue = usage['prompt_cache_miss_tokens'];
  const reportsMiss = missValue !== undefined && missValue !== null;
  const miss = reportsMiss ? readCount(missValue, 'prompt_cache_miss_tokens') : promptTokens - hit;
  if (hit + miss !== promptTokens) {
    throw new FrugalError(
      'FRUGAL_INVALID_USAGE',
      `usage fields prompt_cache_hit_tokens (${hit}) + prompt_cache_miss_tokens (${miss}) ` +
        `do not add up to prompt_tokens (${promptTokens})`,
      { field: 'prompt_cache_miss_tokens', value: miss, total: 'prompt_tokens', totalValue: promptTokens },
    );
  }
  const completionDetails = readOptionalObject(usage['completion_tokens_details'], 'completion_tokens_details');
  const reasoning = readCount(completionDetails?.['reasoning_tokens'], 'completion_tokens_details.reasoning_tokens');
  checkPartWithin(reasoning, 'completion_tokens_details.reasoning_tokens', completionTokens, 'completion_tokens');
  const buckets: UsageBuckets = {
    input: miss,
    cacheRead: hit,
    cacheWrite5m: 0,
    cacheWrite1h: 0,
    output: completionTokens - reasoning,
    reasoning,
  };
  return { format: 'deepseek', buckets, raw };
}

/** Buckets → DeepSeek's usage object. DeepSeek's disk cache has no write price: writes are cache misses. */
export function encodeDeepSeekUsage(buckets: UsageBuckets): DeepSeekUsage {
  const miss = buckets.input + buckets.cacheWrite5m + buckets.cacheWrite1h;
  const completionTokens = buckets.output + buckets.reasoning;
  const usage: DeepSeekUsage = {
    prompt_tokens: miss + buckets.cacheRead,
    completion_tokens: completionTokens,
    total_tokens: miss + buckets.cacheRead + completionTokens,
    prompt_tokens_details: { cached_tokens: buckets.cacheRead },
    prompt_cache_hit_tokens: buckets.cacheRead,
    prompt_cache_miss_tokens: miss,
  };
  if (buckets.reasoning > 0) usage.completion_tokens_details = { reasoning_tokens: buckets.reasoning };
  return usage;
}
