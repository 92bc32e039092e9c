import { ANTHROPIC_TOOL_RESULT_TOKENS, ANTHROPIC_TOOL_USE_TOKENS, anthropicToolSystemPromptTokens } from './calibration.ts';
import { anthropicImageTokens } from './image-tokens.ts';
import type { Piece, PromptView } from './prompt-view.ts';

/**
 * Estimated tokens of each block for a Claude model: text at o200k_base × the Anthropic factor,
 * tool definitions as their JSON, the fitted framing of tool calls and results, and the tool-use
 * system prompt on the first tool block (it precedes the tools in the prompt).
 */
export function countAnthropicFormat(view: PromptView, model: string, count: (text: string) => number): number[] {
  const pieceTokens = (piece: Piece): number => {
    switch (piece.kind) {
      case 'text':
        return count(piece.text);
      case 'image':
        return anthropicImageTokens(piece.image);
      case 'tool-definition':
        return count(JSON.stringify({ name: piece.tool.name, description: piece.tool.description, input_schema: piece.tool.parameters }));
      case 'tool-call':
        return ANTHROPIC_TOOL_USE_TOKENS + count(piece.name) + count(piece.input);
      case 'tool-result':
        return ANTHROPIC_TOOL_RESULT_TOKENS + piece.content.reduce((sum, inner) => sum + pieceTokens(inner), 0);
    }
  };
  const tokens = view.blocks.map((block) => block.pieces.reduce((total, piece) => total + pieceTokens(piece), 0));
  const firstTool = view.blocks.findIndex((block) => block.section === 'tools');
  if (firstTool !== -1) tokens[firstTool]! += anthropicToolSystemPromptTokens(model, view.toolChoice);
  return tokens;
}
