import { GEMINI_ROLE_TOKENS } from './calibration.ts';
import { geminiImageTokens } from './image-tokens.ts';
import { piecesTokens, type PieceRules } from './piece-tokens.ts';
import type { PromptView } from './prompt-view.ts';

/** Estimated tokens of each block for a Gemini model: parts at o200k_base × factor, one token per content's role. */
export function countGeminiFormat(view: PromptView, count: (text: string) => number): number[] {
  const rules: PieceRules = {
    image: geminiImageTokens,
    toolDefinition: (tool) => count(JSON.stringify({ name: tool.name, description: tool.description, parameters: tool.parameters })),
    toolCallTokens: 0,
    toolResultTokens: 0,
  };
  return view.blocks.map((block) => piecesTokens(block.pieces, rules, count) + (block.opensMessage === undefined ? 0 : GEMINI_ROLE_TOKENS));
}
