import type { PrefixBlock } from './types.ts';

/**
 * Tokens of the prompt's stable prefix: the leading tools and system blocks, extended to the
 * last cache_control breakpoint when the request sets one. This is the part a prompt cache can
 * serve on the next call of an agent loop.
 */
export function stablePrefixTokens(blocks: readonly PrefixBlock[]): number {
  let leading = 0;
  while (leading < blocks.length && blocks[leading]!.section !== 'messages') leading++;
  let end = leading;
  blocks.forEach((block, index) => {
    if (block.cacheControl !== undefined && index + 1 > end) end = index + 1;
  });
  let tokens = 0;
  for (let index = 0; index < end; index++) tokens += blocks[index]!.tokens;
  return tokens;
}
