import { GEMINI_ROLE_TOKENS } from './calibration.ts';
import { geminiImageTokens } from './image-tokens.ts';
import type { Piece, PromptView } from './prompt-view.ts';

/** Estimated tokens of each block for a Gemini model: parts at o200k_base × factor, one token per content's role. */
export function countGeminiFormat(view: PromptView, count: (text: string) => number): number[] {
  const pieceTokens = (piece: Piece): number => {
    switch (piece.kind) {
      case 'text':
        return count(piece.text);
      case 'image':
        return geminiImageTokens(piece.image);
      case 'tool-definition':
        return count(JSON.stringify({ name: piece.tool.name, description: piece.tool.description, parameters: piece.tool.parameters }));
      case 'tool-call':
        return count(piece.name) + count(piece.input);
      case 'tool-result':
        return piece.content.reduce((sum, inner) => sum + pieceTokens(inner), 0);
    }
  };
  return view.blocks.map(
    (block) => block.pieces.reduce((total, piece) => total + pieceTokens(piece), 0) + (block.opensMessage === undefined ? 0 : GEMINI_ROLE_TOKENS),
  );
}
