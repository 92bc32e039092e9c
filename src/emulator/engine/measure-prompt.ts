import { countRequestTokens } from '../../tokens/count-request.ts';
import type { RequestProtocol } from '../../tokens/types.ts';
import { simulateAnthropicCache } from '../cache/anthropic-prompt-cache.ts';
import { simulateAutomaticCache, type AutomaticCachePolicy } from '../cache/automatic-prefix-cache.ts';
import type { PromptCacheRegistry } from '../cache/prompt-cache-registry.ts';
import { promptBlocks } from './prompt-digests.ts';

/** How the serving provider caches prompts. */
export type CacheBehaviour =
  | { kind: 'explicit'; minimumTokens: number; automaticBreakpoint?: { ttl: '5m' | '1h' } }
  | { kind: 'automatic'; policy: AutomaticCachePolicy; cacheKey?: string }
  | { kind: 'none' };

/** The prompt side of usage, exclusive buckets (they add up to `promptTokens`). */
export interface PromptMeasure {
  promptTokens: number;
  input: number;
  cacheRead: number;
  cacheWrite5m: number;
  cacheWrite1h: number;
  /** Digest of the whole prompt: seeds the answer, so the same prompt gets the same answer. */
  digest: number;
}

/**
 * Counts the prompt with the catalog's token rules (src/tokens) and runs it through the prompt-cache
 * simulation of the serving provider, in the cache of this API key and model.
 */
export function measurePrompt(
  caches: PromptCacheRegistry,
  protocol: RequestProtocol,
  body: unknown,
  model: string,
  apiKey: string,
  behaviour: CacheBehaviour,
  now: number,
): PromptMeasure {
  const count = countRequestTokens(protocol, body, model);
  const { blocks, digest } = promptBlocks(count.blocks, body);
  const measure: PromptMeasure = { promptTokens: count.total, input: count.total, cacheRead: 0, cacheWrite5m: 0, cacheWrite1h: 0, digest };
  if (behaviour.kind === 'explicit') {
    const last = blocks[blocks.length - 1];
    if (behaviour.automaticBreakpoint !== undefined && last !== undefined && last.cacheControl === undefined) {
      last.cacheControl = behaviour.automaticBreakpoint;
    }
    const result = simulateAnthropicCache(blocks, caches.store(apiKey, model), behaviour.minimumTokens, now);
    measure.input = result.inputTokens;
    measure.cacheRead = result.cacheReadTokens;
    measure.cacheWrite5m = result.cacheWrite5mTokens;
    measure.cacheWrite1h = result.cacheWrite1hTokens;
  } else if (behaviour.kind === 'automatic') {
    const result = simulateAutomaticCache(blocks, caches.store(apiKey, model, behaviour.cacheKey), behaviour.policy, now);
    measure.cacheRead = result.cachedTokens;
    measure.input = result.promptTokens - result.cachedTokens;
  }
  return measure;
}
