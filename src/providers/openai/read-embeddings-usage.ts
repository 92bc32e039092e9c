import { FrugalError } from '../../errors/frugal-error.ts';
import type { NormalizedUsage } from '../../usage/buckets.ts';

/** An embeddings answer's `{ prompt_tokens, total_tokens }`: every token is input. */
export function readEmbeddingsUsage(usage: Record<string, unknown>): NormalizedUsage {
  const tokens = usage['prompt_tokens'];
  if (typeof tokens !== 'number' || !Number.isSafeInteger(tokens) || tokens < 0) {
    throw new FrugalError('FRUGAL_INVALID_USAGE', `embeddings usage field prompt_tokens must be a non-negative integer token count, got ${JSON.stringify(tokens)}`, {
      field: 'prompt_tokens',
    });
  }
  return { format: 'openai', buckets: { input: tokens, cacheRead: 0, cacheWrite5m: 0, cacheWrite1h: 0, output: 0, reasoning: 0 }, raw: usage };
}
