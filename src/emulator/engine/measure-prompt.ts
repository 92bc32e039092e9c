import { countRequestTokens } from '../../tokens/count-request.ts';
import type { RequestProtocol } from '../../tokens/types.ts';
import { simulateAnthropicCache } from '../cache/anthropic-prompt-cache.ts';
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
  return { promptTokens: count.total, blocks, digest };
}

/** Runs the prompt through the serving provider's cache simulation, in the cache of this API key and model. */
export function measurePrompt(
  caches: PromptCacheRegistry,
  layout: PromptLayout,
  model: string,
  apiKey: string,
  behaviour: CacheBehaviour,
  now: number,
): PromptMeasure {
  const { blocks, promptTokens } = layout;
  if (behaviour.kind === 'explicit') {
    const result = simulateAnthropicCache(blocks, caches.store(apiKey, model), behaviour.minimumTokens, now);
    return {
      input: result.inputTokens,
      cacheRead: result.cacheReadTokens,
      cacheWrite5m: result.cacheWrite5mTokens,
      cacheWrite1h: result.cacheWrite1hTokens,
    };
  }
  if (behaviour.kind === 'automatic') {
    const result = simulateAutomaticCache(blocks, caches.store(apiKey, model, behaviour.cacheKey), behaviour.policy, now);
    return { input: result.promptTokens - result.cachedTokens, cacheRead: result.cachedTokens, cacheWrite5m: 0, cacheWrite1h: 0 };
  }
  return { input: promptTokens, cacheRead: 0, cacheWrite5m: 0, cacheWrite1h: 0 };
}
