/**
 * OpenAI Responses API usage: `input_tokens` includes `input_tokens_details.cached_tokens`,
 * `output_tokens` includes `output_tokens_details.reasoning_tokens`.
 */
import type { NormalizedUsage, UsageBuckets } from '../buckets.ts';
import { openAIUsageBuckets } from './openai-usage-buckets.ts';

export interface OpenAIResponsesUsage {
  input_tokens: number;
  input_tokens_details: { cached_tokens: number };
  output_tokens: number;
  output_tokens_details: { reasoning_tokens: number };
  total_tokens: number;
}

export function normalizeOpenAIResponsesUsage(raw: unknown, serviceTier?: string): NormalizedUsage {
  const buckets = openAIUsageBuckets(raw, 'input_tokens', 'output_tokens');
  return serviceTier === undefined
    ? { format: 'openai-responses', buckets, raw }
    : { format: 'openai-responses', buckets, raw, serviceTier };
}

/** Buckets → the Responses usage object. Cache writes are reported as uncached input (OpenAI bills them so). */
export function encodeOpenAIResponsesUsage(buckets: UsageBuckets): OpenAIResponsesUsage {
  const inputTokens = buckets.input + buckets.cacheRead + buckets.cacheWrite5m + buckets.cacheWrite1h;
  const outputTokens = buckets.output + buckets.reasoning;
  return {
    input_tokens: inputTokens,
    input_tokens_details: { cached_tokens: buckets.cacheRead },
    output_tokens: outputTokens,
    output_tokens_details: { reasoning_tokens: buckets.reasoning },
    total_tokens: inputTokens + outputTokens,
  };
}
