import type { UsageBuckets, UsageFormat } from './buckets.ts';
import { encodeAnthropicUsage } from './shapes/anthropic.ts';
import { encodeDeepSeekUsage } from './shapes/deepseek.ts';
import { encodeFrugalUsage } from './shapes/frugal.ts';
import { encodeGeminiUsage } from './shapes/gemini.ts';
import { encodeOpenAIChatUsage } from './shapes/openai-chat.ts';
import { encodeOpenAIResponsesUsage } from './shapes/openai-responses.ts';

/** Buckets → each provider's native usage object, exactly as that provider reports it. */
export const ENCODERS: Record<UsageFormat, (buckets: UsageBuckets) => object> = {
  openai: encodeOpenAIChatUsage,
  'openai-responses': encodeOpenAIResponsesUsage,
  anthropic: (buckets) => encodeAnthropicUsage(buckets),
  gemini: encodeGeminiUsage,
  deepseek: encodeDeepSeekUsage,
  frugal: encodeFrugalUsage,
};

/**
 * Whether a usage shape can carry every bucket of `buckets`. OpenAI, Gemini and DeepSeek
 * have no cache-write fields (writes are billed as input there); the others carry all six.
 */
export function canCarry(format: UsageFormat, buckets: UsageBuckets): boolean {
  if (format === 'anthropic' || format === 'frugal') return true;
  return buckets.cacheWrite5m === 0 && buckets.cacheWrite1h === 0;
}
