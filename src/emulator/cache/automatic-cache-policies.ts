import type { AutomaticCachePolicy } from './automatic-prefix-cache.ts';

const MINUTE = 60_000;

/**
 * OpenAI: prompts of 1,024 tokens or more, cache hits in 128-token steps; a prefix stays warm for
 * 5–10 minutes of inactivity (we keep 10), or 24 hours with `prompt_cache_retention: "24h"`.
 */
export function openaiCachePolicy(retention: string | undefined): AutomaticCachePolicy {
  return {
    minimumTokens: 1024,
    stepTokens: 128,
    ttlMilliseconds: retention === '24h' ? 24 * 60 * MINUTE : 10 * MINUTE,
  };
}

/** Gemini implicit caching: from the model's minimum (1,024 for Flash, 2,048 for Pro), any length. */
export function geminiCachePolicy(minimumTokens: number | undefined): AutomaticCachePolicy {
  return { minimumTokens: minimumTokens ?? 1024, stepTokens: 1, ttlMilliseconds: 5 * MINUTE };
}

/** DeepSeek context caching on disk: whole 64-token units; entries live for hours (we keep one). */
export const DEEPSEEK_CACHE_POLICY: AutomaticCachePolicy = {
  minimumTokens: 64,
  stepTokens: 64,
  ttlMilliseconds: 60 * MINUTE,
};
