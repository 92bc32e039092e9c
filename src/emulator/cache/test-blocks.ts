import { PrefixHasher } from '../prefix-hash.ts';
import type { PromptBlock } from './prompt-blocks.ts';

/** Test prompts: each block is [content, tokens, optional TTL of a breakpoint on it]. */
export function blocksOf(spec: Array<[string, number, ('5m' | '1h')?]>): PromptBlock[] {
  const hasher = new PrefixHasher();
  return spec.map(([content, tokens, ttl]) => {
    const block: PromptBlock = { tokens, prefixDigest: hasher.update(content).digest() };
    if (ttl !== undefined) block.cacheControl = { ttl };
    return block;
  });
}
