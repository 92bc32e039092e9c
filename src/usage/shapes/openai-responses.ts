/**
 * OpenAI Responses API usage: `input_tokens` includes `input_tokens_details.cached_tokens`,
 * `output_tokens` includes `output_tokens_details.reasoning_tokens`.
 */
import type { NormalizedUsage, UsageBuckets } from '../buckets.ts';
import { checkPartWithin, readCount, readObject, readOptionalObject } from '../read-count.ts';

export interface OpenAIResponsesUsage {
  input_tokens: number;
  input_tokens_details: { cached_tokens: number };
  output_tokens: number;
  output_tokens_details: { reasoning_tokens: number };
  total_tokens: number;
}

export function normalizeOpenAIResponsesUsage(raw: unknown, serviceTier?: string): NormalizedUsage {
  const usage = readObject(raw, 'usage');
  const inputTokens = readCount(usage['input_tokens'], 'input_tokens', true);
  const outputTokens = readCount(usage['output_tokens'], 'output_tokens', true);
  const inputDetails = readOptionalObject(usage['input_tokens_details'], 'input_tokens_details');
  const outputDetails = readOptionalObject(usage['output_tokens_details'], 'output_tokens_details');
  const cached = readCount(inputDetails?.['cached_tokens'], 'input_tokens_details.cached_tokens');
  const reasoning = readCount(outputDetails?.['reasoning_tokens'], 'output_tokens_details.reasoning_tokens');
  checkPartWithin(cached, 'input_tokens_details.cached_tokens', inputTokens, 'input_tokens');
  checkPartWithin(reasoning, 'output_tokens_details.reasoning_tokens', outputTokens, 'output_tokens');
  const buckets: UsageBuckets = {
    input: inputTokens - cached,
    cacheRead: cached,
    cacheWrite5m: 0,
    cacheWrite1h: 0,
    output: outputTokens - reasoning,
    reasoning,
  };
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
