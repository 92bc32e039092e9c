import { isObject } from './body-fields.ts';
import { FrugalError } from '../errors/frugal-error.ts';
import { countAnthropicFormat } from './count-anthropic-format.ts';
import { countGeminiFormat } from './count-gemini-format.ts';
import { countOpenAIFormat } from './count-openai-format.ts';
import { textCounter } from './count-text.ts';
import { tokenizerForModel } from './model-tokenizer.ts';
import type { PromptView } from './prompt-view.ts';
import { readAnthropicMessages } from './read-anthropic-messages.ts';
import { readGeminiRequest } from './read-gemini-request.ts';
import { readOpenAIChat } from './read-openai-chat.ts';
import type { PrefixBlock, RequestProtocol, RequestTokenCount } from './types.ts';

/**
 * Counts a prompt for `model` with the rules of the model's family, whatever protocol the body
 * came in: an OpenAI body sent to a Claude model is estimated with Claude's rules (the gateway
 * would translate it), keeping the body's block order and locations.
 */
export function countPromptView(view: PromptView, model: string): RequestTokenCount {
  const tokenizer = tokenizerForModel(model);
  const count = textCounter(tokenizer);
  const tokens =
    tokenizer.family === 'anthropic'
      ? countAnthropicFormat(view, model, count)
      : tokenizer.family === 'gemini'
        ? countGeminiFormat(view, count)
        : countOpenAIFormat(view, model, tokenizer, count);
  let total = 0;
  const blocks = view.blocks.map((block, index): PrefixBlock => {
    const blockTokens = tokens[index]!;
    total += blockTokens;
    const prefixBlock: PrefixBlock = { location: block.location, section: block.section, tokens: blockTokens };
    if (block.cacheControl !== undefined) prefixBlock.cacheControl = block.cacheControl;
    return prefixBlock;
  });
  return { total, blocks, exact: tokenizer.exact, family: tokenizer.family, encoding: tokenizer.encoding, notes: view.notes };
}

function requestModel(body: unknown, model: string | undefined, fallback: string | undefined): string {
  if (model !== undefined) return model;
  const named = isObject(body) ? body.model : undefined;
  if (typeof named === 'string' && named.length > 0) return named;
  if (fallback !== undefined) return fallback;
  throw new FrugalError('FRUGAL_INVALID_REQUEST', 'model must be a model name (in the body or passed explicitly), got nothing', { field: 'model' });
}

/**
 * Input tokens of an OpenAI Chat Completions body for `model` (default: the body's model).
 * Exact for OpenAI models: their encoding plus the cookbook's message and tool overheads.
 */
export function countOpenAIChatRequest(body: unknown, model?: string): RequestTokenCount {
  return countPromptView(readOpenAIChat(body), requestModel(body, model, undefined));
}

/** Estimated input tokens of an Anthropic Messages body (default model: the body's, else a current Claude). */
export function estimateAnthropicRequest(body: unknown, model?: string): RequestTokenCount {
  return countPromptView(readAnthropicMessages(body), requestModel(body, model, 'claude'));
}

/** Estimated input tokens of a Gemini generateContent / countTokens body (the model is in the URL, so default "gemini"). */
export function estimateGeminiRequest(body: unknown, model?: string): RequestTokenCount {
  return countPromptView(readGeminiRequest(body), requestModel(body, model, 'gemini'));
}

export function countRequestTokens(protocol: RequestProtocol, body: unknown, model?: string): RequestTokenCount {
  switch (protocol) {
    case 'openai':
      return countOpenAIChatRequest(body, model);
    case 'anthropic':
      return estimateAnthropicRequest(body, model);
    case 'gemini':
      return estimateGeminiRequest(body, model);
  }
}
