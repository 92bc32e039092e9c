import { invalidRequest, isObject } from './body-fields.ts';
import type { RequestProtocol } from './types.ts';

const ANTHROPIC_ONLY_BLOCKS = new Set(['tool_use', 'tool_result', 'image', 'thinking', 'redacted_thinking', 'document']);
const OPENAI_ONLY_ROLES = new Set(['system', 'developer', 'tool', 'function']);

function hasAnthropicShape(request: Record<string, unknown>, messages: unknown[]): boolean {
  if (request.system !== undefined) return true;
  if (Array.isArray(request.tools) && request.tools.some((tool) => isObject(tool) && tool.input_schema !== undefined)) return true;
  return messages.some(
    (message) =>
      isObject(message) &&
      Array.isArray(message.content) &&
      message.content.some((block) => isObject(block) && typeof block.type === 'string' && ANTHROPIC_ONLY_BLOCKS.has(block.type)),
  );
}

function hasOpenAIShape(messages: unknown[]): boolean {
  return messages.some((message) => isObject(message) && (OPENAI_ONLY_ROLES.has(String(message.role)) || message.tool_calls !== undefined));
}

/**
 * Which protocol a request body is written in: Gemini has `contents`; Anthropic Messages has a
 * top-level `system`, `input_schema` tools or Anthropic-only content blocks; OpenAI Chat
 * Completions has system/developer/tool messages or tool_calls. A body with only user and
 * assistant text is Anthropic when its model is a Claude, else OpenAI.
 */
export function detectRequestProtocol(body: unknown): RequestProtocol {
  if (!isObject(body)) throw invalidRequest('request body', 'a JSON object', body);
  if (Array.isArray(body.contents) || isObject(body.generateContentRequest)) return 'gemini';
  const messages = body.messages;
  if (!Array.isArray(messages)) throw invalidRequest('messages', 'an array (an OpenAI Chat Completions or Anthropic Messages body)', messages);
  if (hasAnthropicShape(body, messages)) return 'anthropic';
  if (hasOpenAIShape(messages)) return 'openai';
  return typeof body.model === 'string' && body.model.toLowerCase().includes('claude') ? 'anthropic' : 'openai';
}
