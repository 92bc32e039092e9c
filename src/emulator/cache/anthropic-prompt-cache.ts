import { FrugalError } from '../../errors/frugal-error.ts';
import type { PrefixCacheStore } from './prefix-cache-store.ts';
import { cumulativeTokens, totalTokens, type PromptBlock } from './prompt-blocks.ts';

export const MAXIMUM_BREAKPOINTS = 4;
/** Anthropic checks for hits at up to 20 block boundaries before each breakpoint. */
export const LOOKBACK_BLOCKS = 20;
export const TTL_MILLISECONDS = { '5m': 5 * 60_000, '1h': 60 * 60_000 } as const;

/** Anthropic's exclusive prompt accounting: these four add up to the prompt's tokens. */
export interface AnthropicCacheResult {
  inputTokens: number;
  cacheReadTokens: number;
  cacheWrite5mTokens: number;
  cacheWrite1hTokens: number;
}

/**
 * Anthropic explicit prompt caching. Each `cache_control` block is a breakpoint; from each one the
 * lookup walks back (up to 20 blocks) to the longest prefix already cached, which is read. Every
 * breakpoint past that point whose prefix reaches the model's minimum is written, and the tokens
 * between the previous cached boundary and it are billed as a write at that breakpoint's TTL.
 * Tokens after the last cached boundary are plain input. A hit restarts the entry's TTL.
 */
export function simulateAnthropicCache(
  blocks: readonly PromptBlock[],
  store: PrefixCacheStore,
  minimumTokens: number,
  now: number,
): AnthropicCacheResult {
  const breakpoints: number[] = [];
  for (let index = 0; index < blocks.length; index++) {
    if ((blocks[index] as PromptBlock).cacheControl !== undefined) breakpoints.push(index);
  }
  if (breakpoints.length > MAXIMUM_BREAKPOINTS) {
    throw new FrugalError(
      'FRUGAL_INVALID_REQUEST',
      `A maximum of ${MAXIMUM_BREAKPOINTS} blocks with cache_control may be provided. Found ${breakpoints.length}.`,
    );
  }
  const total = totalTokens(blocks);
  if (breakpoints.length === 0) {
    return { inputTokens: total, cacheReadTokens: 0, cacheWrite5mTokens: 0, cacheWrite1hTokens: 0 };
  }
  const cumulative = cumulativeTokens(blocks);

  let readEnd = -1;
  for (const breakpoint of breakpoints) {
    const lowest = Math.max(0, breakpoint - LOOKBACK_BLOCKS + 1);
    for (let index = breakpoint; index >= lowest && index > readEnd; index--) {
      if (store.lookup((blocks[index] as PromptBlock).prefixDigest, now) !== undefined) {
        readEnd = index;
        break;
      }
    }
  }
  const cacheReadTokens = readEnd >= 0 ? (cumulative[readEnd] as number) : 0;
  if (readEnd >= 0) {
    const digest = (blocks[readEnd] as PromptBlock).prefixDigest;
    store.refresh(digest, store.lookup(digest, now) as NonNullable<ReturnType<PrefixCacheStore['lookup']>>, now);
  }

  let cacheWrite5mTokens = 0;
  let cacheWrite1hTokens = 0;
  let covered = cacheReadTokens;
  for (const breakpoint of breakpoints) {
    const prefixTokens = cumulative[breakpoint] as number;
    if (breakpoint <= readEnd || prefixTokens < minimumTokens) continue;
    const block = blocks[breakpoint] as PromptBlock;
    const ttl = block.cacheControl?.ttl ?? '5m';
    if (ttl === '1h') cacheWrite1hTokens += prefixTokens - covered;
    else cacheWrite5mTokens += prefixTokens - covered;
    store.write(block.prefixDigest, prefixTokens, TTL_MILLISECONDS[ttl], now);
    covered = prefixTokens;
  }
  return {
    inputTokens: total - covered,
    cacheReadTokens,
    cacheWrite5mTokens,
    cacheWrite1hTokens,
  };
}
