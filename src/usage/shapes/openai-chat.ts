/**
 * OpenAI Chat Completions usage (also the final chunk of a stream with
 * `stream_options.include_usage`). `prompt_tokens` includes the cached tokens and
 * `completion_tokens` includes the reasoning tokens. Audio and predicted-output tokens
 * are counted inside prompt/completion tokens and stay in `input`/`output`.
 */
import type { NormalizedUsage, UsageBuckets } from '../buckets.ts';
import { openAIUsageBuckets } from './openai-usage-buckets.ts';

export interface OpenAIChatUsage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
  prompt_tokens_details?: { cached_tokens?: number; audio_tokens?: number } | null;
  completion_tokens_details?: {
    reasoning_tokens?: number;
    audio_tokens?: number;
    accepted_prediction_tokens?: number;
    rejected_prediction_tokens?: number;
  } | null;
}

export function normalizeOpenAIChatUsage(raw: unknown, serviceTier?: string): NormalizedUsage {
  const buckets = openAIUsageBuckets(raw, 'prompt_tokens', 'completion_tokens');
  return serviceTier === undefined ? { format: 'openai', buckets, raw } : { format: 'openai', buckets, raw, serviceTier };
}

/**
 * Buckets → the usage object OpenAI returns. OpenAI has no cache-write fields: cache
 * writes are billed as ordinary input there, so they are reported as uncached prompt tokens.
 */
export function encodeOpenAIChatUsage(buckets: UsageBuckets): OpenAIChatUsage {
  const promptTokens = buckets.input + buckets.cacheRead + buckets.cacheWrite5m + buckets.cacheWrite1h;
  const completionTokens = buckets.output + buckets.reasoning;
  return {
    prompt_tokens: promptTokens,
    completion_tokens: completionTokens,
    total_tokens: promptTokens + completionTokens,
    prompt_tokens_details: { cached_tokens: buckets.cacheRead, audio_tokens: 0 },
    completion_tokens_details: {
      reasoning_tokens: buckets.reasoning,
      audio_tokens: 0,
      accepted_prediction_tokens: 0,
      rejected_prediction_tokens: 0,
    },
  };
}
