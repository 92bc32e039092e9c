import type { PrefixBlock } from '../../tokens/types.ts';
import type { PromptBlock } from '../cache/prompt-blocks.ts';
import { PrefixHasher } from '../prefix-hash.ts';

const SEGMENT = /([^.[\]]+)|\[(\d+)\]/g;

/** The value at a block location such as "messages[3].content[1]" or "tools[0]". */
export function valueAt(body: unknown, location: string): unknown {
  let node = body;
  SEGMENT.lastIndex = 0;
  for (let match = SEGMENT.exec(location); match !== null; match = SEGMENT.exec(location)) {
    if (node === null || typeof node !== 'object') return undefined;
    node = match[1] !== undefined ? (node as Record<string, unknown>)[match[1]] : (node as unknown[])[Number(match[2])];
  }
  return node;
}

/** `cache_control` marks a breakpoint; it is not part of the cached content. */
function withoutCacheControl(key: string, value: unknown): unknown {
  return key === 'cache_control' ? undefined : value;
}

function blockText(value: unknown): string {
  if (typeof value === 'string') return value;
  const text = JSON.stringify(value) ?? '';
  return text.includes('"cache_control"') ? JSON.stringify(value, withoutCacheControl) : text;
}

/**
 * The counted prompt blocks with the digest of every prefix: block by block, the content found at
 * the block's location (breakpoint markers left out), so two prompts share a digest exactly as far
 * as they share content.
 */
export function promptBlocks(blocks: readonly PrefixBlock[], body: unknown): { blocks: PromptBlock[]; digest: number } {
  const hasher = new PrefixHasher();
  const result: PromptBlock[] = new Array(blocks.length);
  for (let index = 0; index < blocks.length; index++) {
    const block = blocks[index] as PrefixBlock;
    hasher.update(block.location).update(blockText(valueAt(body, block.location)));
    const promptBlock: PromptBlock = { tokens: block.tokens, prefixDigest: hasher.digest() };
    if (block.cacheControl !== undefined) promptBlock.cacheControl = block.cacheControl;
    result[index] = promptBlock;
  }
  return { blocks: result, digest: hasher.digest() };
}
