import type { PrefixCacheStore } from './prefix-cache-store.ts';
import { cumulativeTokens, totalTokens, type PromptBlock } from './prompt-blocks.ts';

/**
 * How a provider caches prompts on its own (OpenAI, Gemini implicit caching, DeepSeek): no
 * breakpoints; any earlier prompt sharing a long enough prefix is reused, counted in whole steps.
 */
export interface AutomaticCachePolicy {
  /** Prefixes shorter than this are never cached (OpenAI 1,024; DeepSeek 64). */
  minimumTokens: number;
  /** Cached counts are multiples of this (OpenAI 128, DeepSeek 64, Gemini 1). */
  stepTokens: number;
  /** Lifetime of a prefix since its last use. */
  ttlMilliseconds: number;
}

export interface AutomaticCacheResult {
  promptTokens: number;
  cachedTokens: number;
}

/**
 * Looks up the longest live prefix of this prompt, reports it rounded down to whole steps, refreshes
 * it, and stores every prefix of this prompt long enough to be reused later. Matching is at block
 * boundaries (message by message): a prompt that diverges in the middle of a block reuses only the
 * blocks before it.
 */
export function simulateAutomaticCache(
  blocks: readonly PromptBlock[],
  store: PrefixCacheStore,
  policy: AutomaticCachePolicy,
  now: number,
): AutomaticCacheResult {
  const promptTokens = totalTokens(blocks);
  const cumulative = cumulativeTokens(blocks);
  let matchedTokens = 0;
  for (let index = blocks.length - 1; index >= 0; index--) {
    if ((cumulative[index] as number) < policy.minimumTokens) break;
    const digest = (blocks[index] as PromptBlock).prefixDigest;
    const entry = store.lookup(digest, now);
    if (entry !== undefined) {
      matchedTokens = entry.tokens;
      store.refresh(digest, entry, now);
      break;
    }
  }
  for (let index = 0; index < blocks.length; index++) {
    const tokens = cumulative[index] as number;
    if (tokens >= policy.minimumTokens && tokens > matchedTokens) {
      store.write((blocks[index] as PromptBlock).prefixDigest, tokens, policy.ttlMilliseconds, now);
    }
  }
  const cachedTokens =
    matchedTokens >= policy.minimumTokens ? Math.floor(matchedTokens / policy.stepTokens) * policy.stepTokens : 0;
  return { promptTokens, cachedTokens: Math.min(cachedTokens, promptTokens) };
}
