import { openAIImageTokens } from './image-tokens.ts';
import type { ModelTokenizer } from './model-tokenizer.ts';
import { openAIToolTokens, toolCountConstants } from './openai-tool-tokens.ts';
import { piecesTokens, type PieceRules } from './piece-tokens.ts';
import type { PromptView } from './prompt-view.ts';

/**
 * The chat format's overheads, from OpenAI's cookbook (`num_tokens_from_messages`): every
 * message costs 3 tokens plus its role, a `name` 1 more, and every reply is primed with 3
 * (`<|start|>assistant<|message|>`).
 */
const TOKENS_PER_MESSAGE = 3;
const TOKENS_PER_NAME = 1;
const REPLY_PRIMING_TOKENS = 3;
/** A past tool call: its name and arguments plus 3 tokens of framing (as for the legacy function_call). */
const TOKENS_PER_TOOL_CALL = 3;

/**
 * Tokens of each block under OpenAI's rules (also used, with an estimating tokenizer, for
 * models of other hosts that speak the same chat format). The list's closing tokens go to the
 * last tool block, the reply priming to the last block.
 */
export function countOpenAIFormat(view: PromptView, model: string, tokenizer: ModelTokenizer, count: (text: string) => number): number[] {
  const constants = toolCountConstants(tokenizer.encoding);
  const rules: PieceRules = {
    image: (image) => openAIImageTokens(image, model),
    toolDefinition: (tool) => openAIToolTokens(tool, constants, count),
    toolCallTokens: TOKENS_PER_TOOL_CALL,
    toolResultTokens: 0,
  };
  const tokens = view.blocks.map((block) => {
    let sum = piecesTokens(block.pieces, rules, count);
    if (block.opensMessage !== undefined) {
      sum += TOKENS_PER_MESSAGE + count(block.opensMessage.role);
      if (block.opensMessage.name !== undefined) sum += count(block.opensMessage.name) + TOKENS_PER_NAME;
    }
    return sum;
  });
  let lastTool = -1;
  view.blocks.forEach((block, index) => {
    if (block.pieces.some((piece) => piece.kind === 'tool-definition')) lastTool = index;
  });
  if (lastTool !== -1) tokens[lastTool]! += constants.functionsEnd;
  if (tokens.length > 0) tokens[tokens.length - 1]! += REPLY_PRIMING_TOKENS;
  return tokens;
}
