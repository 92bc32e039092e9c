import { GEMINI_ROLE_TOKENS } from '../../tokens/calibration.ts';
import type { PrefixBlock } from '../../tokens/types.ts';

/** One content's tokens as countTokens breaks them down. */
export interface ContentTokens {
  partTokens?: number[];
  roleTokens?: number;
}

const PART = /^(?:contents\[(\d+)\]|systemInstruction)\.parts\[(\d+)\]$/;

/**
 * countTokens's breakdown (as recorded, since 2025): per content, the tokens of each part and of
 * its role; the system instruction alike (`{}` without one). Taken from the counted blocks (one
 * per part, the first part of a content also carrying the role's tokens), so it adds up to the
 * same total; tool declarations count in the total only.
 */
export function countBreakdown(blocks: readonly PrefixBlock[]): { contentTokens: ContentTokens[]; systemInstructionsTokens: ContentTokens } {
  const contentTokens: ContentTokens[] = [];
  const systemInstructionsTokens: ContentTokens = {};
  for (const block of blocks) {
    const match = PART.exec(block.location);
    if (match === null) continue;
    const target = match[1] === undefined ? systemInstructionsTokens : (contentTokens[Number(match[1])] ??= {});
    const opensContent = match[2] === '0';
    (target.partTokens ??= []).push(block.tokens - (opensContent ? GEMINI_ROLE_TOKENS : 0));
    if (opensContent) target.roleTokens = GEMINI_ROLE_TOKENS;
  }
  return { contentTokens: Array.from(contentTokens, (content) => content ?? {}), systemInstructionsTokens };
}
