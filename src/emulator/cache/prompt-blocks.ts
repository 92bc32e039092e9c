/**
 * A prompt as the cache simulations see it: blocks in the provider's prefix order, each with its
 * token count and the digest of the whole prompt up to and including that block.
 */
export interface PromptBlock {
  tokens: number;
  /** Digest of every block from the start of the prompt through this one. */
  prefixDigest: number;
  /** Anthropic `cache_control` on this block (a breakpoint). */
  cacheControl?: { ttl: '5m' | '1h' };
}

export function totalTokens(blocks: readonly PromptBlock[]): number {
  let total = 0;
  for (const block of blocks) total += block.tokens;
  return total;
}

/** Tokens from the start of the prompt through block `index` (inclusive). */
export function cumulativeTokens(blocks: readonly PromptBlock[]): number[] {
  const cumulative: number[] = new Array(blocks.length);
  let running = 0;
  for (let index = 0; index < blocks.length; index++) {
    running += (blocks[index] as PromptBlock).tokens;
    cumulative[index] = running;
  }
  return cumulative;
}
