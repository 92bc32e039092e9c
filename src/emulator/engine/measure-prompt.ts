import { countRequestTokens } from '../../tokens/count-request.ts';
import type { RequestProtocol } from '../../tokens/types.ts';
import { MAXIMUM_BREAKPOINTS, simulateAnthropicCache } from '../cache/anthropic-prompt-cache.ts';
import { simulateAutomaticCache, type AutomaticCachePolicy } from '../cache/automatic-prefix-cache.ts';
import type { PromptBlock } from '../cache/prompt-blocks.ts';
import type { PromptCacheRegistry } from '../cache/prompt-cache-registry.ts';
import { promptBlocks } from './prompt-digests.ts';

/** How the serving provider caches prompts. */
export type CacheBehaviour =
  | { kind: 'explicit'; minimumTokens: number; automaticBreakpoint?: { ttl: '5m' | '1h' } }
  | { kind: 'automatic'; policy: AutomaticCachePolicy; cacheKey?: string }
  | { kind: 'none' };

/** A prompt as counted, before any cache: the same body always has the same layout. */
export interface PromptLayout {
  promptTokens: number;
  /** Blocks in prefix order, with their breakpoints (a top-level `cache_control` already placed). */
  blocks: readonly PromptBlock[];
  /** Digest of the whole prompt: seeds the answer, so the same prompt gets the same answer. */
  digest: number;
  /** Blocks with a `cache_control` breakpoint. */
  breakpoints: number;
}

/** The prompt side of usage, exclusive buckets (they add up to the prompt's tokens). */
export interface PromptMeasure {
  input: number;
  cacheRead: number;
  cacheWrite5m: number;
  cacheWrite1h: number;
}

/** Counts the prompt with the catalog's token rules (src/tokens) and lays it out in digested blocks. */
export function layOutPrompt(protocol: RequestProtocol, body: unknown, model: string, behaviour: CacheBehaviour): PromptLayout {
  const count = countRequestTokens(protocol, body, model);
  const { blocks, digest } = promptBlocks(count.blocks, body);
  const last = blocks[blocks.length - 1];
  if (behaviour.kind === 'explicit' && behaviour.automaticBreakpoint !== undefined && last !== undefined && last.cacheControl === undefined) {
    last.cacheControl = behaviour.automaticBreakpoint;
  }
  let breakpoints = 0;
  for (const block of blocks) if (block.cacheControl !== undefined) breakpoints++;
  return { promptTokens: count.total, blocks, digest, breakpoints };
}

/**
 * Runs the prompt through the serving provider's cache simulation, in the cache of this API key and
 * model. A prompt shorter than the provider's minimum can neither read nor write a cache entry
 * (every entry covers at least the minimum), so it skips the cache altogether; too many
 * breakpoints still get the provider's error.
 */
export function measurePrompt(
  caches: PromptCacheRegistry,
  layout: PromptLayout,
  model: string,
  apiKey: string,
  behaviour: CacheBehaviour,
  now: number,
): PromptMeasure {
  const { blocks, promptTokens, breakpoints } = layout;
  const uncached: PromptMeasure = { input: promptTokens, cacheRead: 0, cacheWrite5m: 0, cacheWrite1h: 0 };
  if (behaviour.kind === 'explicit') {
    if (breakpoints === 0 || (breakpoints <= MAXIMUM_BREAKPOINTS && promptTokens < behaviour.minimumTokens)) return uncached;
    const result = simulateAnthropicCache(blocks, caches.store(apiKey, model), behaviour.minimumTokens, now);
    return {
      input: result.inputTokens,
      cacheRead: result.cacheReadTokens,
      cacheWrite5m: result.cacheWrite5mTokens,
      cacheWrite1h: result.cacheWrite1hTokens,
    };
  }
  if (behaviour.kind === 'automatic') {
    if (promptTokens < behaviour.policy.minimumTokens) return uncached;
    const result = simulateAutomaticCache(blocks, caches.store(apiKey, model, behaviour.cacheKey), behaviour.policy, now);
    return { input: result.promptTokens - result.cachedTokens, cacheRead: result.cachedTokens, cacheWrite5m: 0, cacheWrite1h: 0 };
  }
  return uncached;
}
