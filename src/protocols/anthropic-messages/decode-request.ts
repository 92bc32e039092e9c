import type { ImagePart, TextPart, ToolResultPart, UserPart } from '../canonical/parts.ts';
import type { CanonicalMessage, CanonicalRequest, CanonicalTool, ReasoningSettings, ToolChoice } from '../canonical/request.ts';
import type { Translation } from '../canonical/translation.ts';
import { cacheHint, decodeAssistantBlock, decodeTextBlock, withCache } from './decode-content-block.ts';
import type {
  AnthropicContentBlock,
  AnthropicCountTokensRequest,
  AnthropicCustomTool,
  AnthropicImageBlock,
  AnthropicMessage,
  AnthropicMessagesRequest,
  AnthropicOtherBlock,
  AnthropicTextBlock,
  AnthropicToolChoice,
} from './wire-types.ts';

const MODELLED_FIELDS = new Set([
  'model', 'max_tokens', 'messages', 'system', 'tools', 'tool_choice', 'thinking', 'output_config', 'cache_control',
  'stop_sequences', 'temperature', 'top_p', 'top_k', 'metadata', 'service_tier', 'stream',
]);
const MODELLED_TOOL_FIELDS = new Set(['type', 'name', 'description', 'input_schema', 'cache_control', 'strict']);

type AnyBlock = AnthropicContentBlock | AnthropicOtherBlock;

/** A validated Messages (or count_tokens) request → the canonical request. */
export function decodeAnthropicMessagesRequest(
  request: AnthropicMessagesRequest | AnthropicCountTokensRequest,
): Translation<CanonicalRequest> {
  const dropped: string[] = [];
  const extensions: Record<string, unknown> = {};
  const canonical: CanonicalRequest = { model: request.model, messages: [], stream: request['stream'] === true };
  if (typeof request['max_tokens'] === 'number') canonical.maxOutputTokens = request['max_tokens'];
  if (request.system !== undefined && request.system !== null) canonical.system = textBlocks(request.system, 'system', dropped);
  request.messages.forEach((message, index) => decodeMessage(message, `messages.${index}`, canonical.messages, dropped));
  if (request.tools !== undefined && request.tools !== null) {
    canonical.tools = request.tools.map((tool, index) => decodeTool(tool, `tools.${index}`, dropped));
  }
  if (request.tool_choice !== undefined && request.tool_choice !== null) {
    canonical.toolChoice = decodeToolChoice(request.tool_choice);
    const disable = (request.tool_choice as { disable_parallel_tool_use?: boolean }).disable_parallel_tool_use;
    if (typeof disable === 'boolean') canonical.parallelToolCalls = !disable;
  }
  const reasoning = decodeReasoning(request, extensions);
  if (reasoning !== undefined) canonical.reasoning = reasoning;
  const format = request.output_config?.format;
  if (format !== undefined && format !== null) canonical.responseFormat = { type: 'json_schema', schema: format.schema };
  if (request.cache_control !== undefined && request.cache_control !== null) {
    canonical.cache = { breakpoint: cacheHint(request.cache_control) };
  }
  const stop = request['stop_sequences'];
  if (Array.isArray(stop)) canonical.stop = stop as string[];
  if (typeof request['temperature'] === 'number') canonical.temperature = request['temperature'];
  if (typeof request['top_p'] === 'number') canonical.topP = request['top_p'];
  if (typeof request['top_k'] === 'number') canonical.topK = request['top_k'];
  const metadata = request['metadata'] as AnthropicMessagesRequest['metadata'];
  if (typeof metadata?.user_id === 'string') canonical.user = metadata.user_id;
  if (request['service_tier'] === 'auto') canonical.serviceTier = 'auto';
  if (request['service_tier'] === 'standard_only') canonical.serviceTier = 'standard';
  for (const key in request) {
    if (!MODELLED_FIELDS.has(key) && request[key] !== undefined) extensions[key] = request[key];
  }
  if (Object.keys(extensions).length > 0) canonical.extensions = { 'anthropic-messages': extensions };
  return { value: canonical, dropped };
}

function textBlocks(system: string | AnthropicTextBlock[], path: string, dropped: string[]): TextPart[] {
  if (typeof system === 'string') return [{ type: 'text', text: system }];
  return system.map((block, index) => decodeTextBlock(block, `${path}.${index}`, dropped));
}

function imagePart(block: AnthropicImageBlock): UserPart {
  const source = block.source;
  if (source.type === 'file') return { type: 'opaque', protocol: 'anthropic-messages', value: block };
  const part: ImagePart = {
    type: 'image',
    source: source.type === 'base64' ? { kind: 'base64', mediaType: source.media_type, data: source.data } : { kind: 'url', url: source.url },
  };
  return withCache(part, block);
}

function decodeMessage(message: AnthropicMessage, path: string, messages: CanonicalMessage[], dropped: string[]): void {
  const blocks: AnyBlock[] = typeof message.content === 'string' ? [{ type: 'text', text: message.content }] : message.content;
  if (message.role === 'system') {
    messages.push({ role: 'system', content: blocks.map((block, index) => decodeTextBlock(block as AnthropicTextBlock, `${path}.content.${index}`, dropped)) });
    return;
  }
  if (message.role === 'assistant') {
    messages.push({ role: 'assistant', content: blocks.map((block, index) => decodeAssistantBlock(block, `${path}.content.${index}`, dropped)) });
    return;
  }
  blocks.forEach((block, index) => {
    const blockPath = `${path}.content.${index}`;
    const previous = messages[messages.length - 1];
    if (block.type === 'tool_result') {
      const result = toolResult(block as AnthropicContentBlock & { type: 'tool_result' }, blockPath, dropped);
      if (previous?.role === 'tool') previous.content.push(result);
      else messages.push({ role: 'tool', content: [result] });
      return;
    }
    const part = userPart(block, blockPath, dropped);
    if (previous?.role === 'user' && index > 0) previous.content.push(part);
    else messages.push({ role: 'user', content: [part] });
  });
  if (blocks.length === 0) messages.push({ role: 'user', content: [] });
}

function userPart(block: AnyBlock, path: string, dropped: string[]): UserPart {
  if (block.type === 'text') return decodeTextBlock(block as AnthropicTextBlock, path, dropped);
  if (block.type === 'image') return imagePart(block as AnthropicImageBlock);
  return { type: 'opaque', protocol: 'anthropic-messages', value: block };
}

function toolResult(block: AnthropicContentBlock & { type: 'tool_result' }, path: string, dropped: string[]): ToolResultPart {
  const content: Array<TextPart | ImagePart> = [];
  if (typeof block.content === 'string') content.push({ type: 'text', text: block.content });
  else {
    (block.content ?? []).forEach((inner, index) => {
      if (inner.type === 'text') content.push(decodeTextBlock(inner as AnthropicTextBlock, `${path}.content.${index}`, dropped));
      else if (inner.type === 'image' && (inner as AnthropicImageBlock).source.type !== 'file') {
        content.push(imagePart(inner as AnthropicImageBlock) as ImagePart);
      } else dropped.push(`${path}.content.${index}`);
    });
  }
  const result: ToolResultPart = { type: 'tool_result', toolCallId: block.tool_use_id, content };
  if (typeof block.is_error === 'boolean') result.isError = block.is_error;
  return withCache(result, block);
}

function decodeTool(tool: AnthropicCustomTool | AnthropicOtherBlock, path: string, dropped: string[]): CanonicalTool {
  if (tool.type !== undefined && tool.type !== null && tool.type !== 'custom') {
    return { type: 'opaque', protocol: 'anthropic-messages', value: tool };
  }
  const custom = tool as AnthropicCustomTool;
  const decoded: CanonicalTool = { type: 'function', name: custom.name, parameters: custom.input_schema };
  if (custom.description !== undefined) decoded.description = custom.description;
  if (typeof custom.strict === 'boolean') decoded.strict = custom.strict;
  for (const key in custom) if (!MODELLED_TOOL_FIELDS.has(key)) dropped.push(`${path}.${key}`);
  return withCache(decoded, custom);
}

function decodeToolChoice(choice: AnthropicToolChoice): ToolChoice {
  switch (choice.type) {
    case 'any':
      return { type: 'required' };
    case 'tool':
      return { type: 'tool', name: choice.name };
    default:
      return { type: choice.type };
  }
}

function decodeReasoning(
  request: AnthropicMessagesRequest | AnthropicCountTokensRequest,
  extensions: Record<string, unknown>,
): ReasoningSettings | undefined {
  const reasoning: ReasoningSettings = {};
  const thinking = request.thinking;
  if (thinking !== undefined && thinking !== null) {
    if (thinking.type === 'enabled') {
      reasoning.enabled = true;
      reasoning.budgetTokens = thinking.budget_tokens;
    } else if (thinking.type === 'adaptive') reasoning.enabled = true;
    else if (thinking.type === 'disabled') reasoning.enabled = false;
    else extensions['thinking'] = thinking;
    const display = (thinking as { display?: string | null }).display;
    if (display === 'summarized') reasoning.includeThoughts = true;
    if (display === 'omitted') reasoning.includeThoughts = false;
  }
  const effort = request.output_config?.effort;
  if (typeof effort === 'string') reasoning.effort = effort;
  return Object.keys(reasoning).length === 0 ? undefined : reasoning;
}
