import type { ImageReference, Piece, ToolDefinition } from './prompt-view.ts';

/** What a provider's format adds to the plain text count for each kind of piece. */
export interface PieceRules {
  image(image: ImageReference): number;
  toolDefinition(tool: ToolDefinition): number;
  /** Framing around a past tool call's name and input. */
  toolCallTokens: number;
  /** Framing around a tool result's content. */
  toolResultTokens: number;
}

/** The tokens of a block's pieces: text as counted, the rest by the format's rules (tool results recursively). */
export function piecesTokens(pieces: Piece[], rules: PieceRules, count: (text: string) => number): number {
  return pieces.reduce((total, piece) => total + pieceTokens(piece, rules, count), 0);
}

function pieceTokens(piece: Piece, rules: PieceRules, count: (text: string) => number): number {
  switch (piece.kind) {
    case 'text':
      return count(piece.text);
    case 'image':
      return rules.image(piece.image);
    case 'tool-definition':
      return rules.toolDefinition(piece.tool);
    case 'tool-call':
      return rules.toolCallTokens + count(piece.name) + count(piece.input);
    case 'tool-result':
      return rules.toolResultTokens + piecesTokens(piece.content, rules, count);
  }
}
