import { ANTHROPIC_TOOL_RESULT_TOKENS, ANTHROPIC_TOOL_USE_TOKENS, anthropicToolSystemPromptTokens } from './calibration.ts';
import { anthropicImageTokens } from './image-tokens.ts';
import { piecesTokens, type PieceRules } from './piece-tokens.ts';
import type { PromptView } from './prompt-view.ts';

/**
 * Estimated tokens of each block for a Claude model: text at o200k_base × the Anthropic factor,
 * tool definitions as their JSON, the fitted framing of tool calls and results, and the tool-use
 * system prompt on the first tool block (it precedes the tools in the prompt).
 */
export function countAnthropicFormat(view: PromptView, model: string, count: (text: string) => number): number[] {
  const rules: PieceRules = {
    image: anthropicImageTokens,
    toolDefinition: (tool) => count(JSON.stringify({ name: tool.name, description: tool.description, input_schema: tool.parameters })),
    toolCallTokens: ANTHROPIC_TOOL_USE_TOKENS,
    toolResultTokens: ANTHROPIC_TOOL_RESULT_TOKENS,
  };
  const tokens = view.blocks.map((block) => piecesTokens(block.pieces, rules, count));
  const firstTool = view.blocks.findIndex((block) => block.section === 'tools');
  if (firstTool !== -1) tokens[firstTool]! += anthropicToolSystemPromptTokens(model, view.toolChoice);
  return tokens;
}
