import { ownExtensions } from '../canonical/extensions.ts';
import type { AssistantPart, CacheHint, ImagePart, TextPart, ToolResultPart, UserPart } from '../canonical/parts.ts';
import type { CanonicalRequest, CanonicalTool, ToolChoice } from '../canonical/request.ts';
import { argumentsToObject } from '../canonical/tool-arguments.ts';
import type { Translation } from '../canonical/translation.ts';
import { encodeReasoning } from './encode-reasoning.ts';
import type {
  AnthropicCacheControl,
  AnthropicContentBlock,
  AnthropicCustomTool,
  AnthropicImageBlock,
  AnthropicMessage,
  AnthropicMessagesRequest,
  AnthropicOtherBlock,
  AnthropicTextBlock,
  AnthropicToolChoice,
} from './wire-types.ts';

export interface AnthropicEncodeOptions {
  /** `max_tokens` is required on this wire; used when the canonical request has no output cap. */
  defaultMaxTokens?: number;
}

type AnyBlock = AnthropicContentBlock | AnthropicOtherBlock;

/** The canonical request → a POST /v1/messages body. */
export function encodeAnthropicMessagesRequest(
  request: CanonicalRequest,
  options: AnthropicEncodeOptions = {},
): Translation<AnthropicMessagesRequest> {
  const dropped: string[] = [];
  const body: AnthropicMessagesRequest = {
    model: request.model,
    max_tokens: request.maxOutputTokens ?? options.defaultMaxTokens ?? 4096,
    messages: [],
  };
  if (request.system !== undefined) body.system = textContent(request.system, 'system', dropped);
  request.messages.forEach((message, index) => {
    const path = `messages[${index}]`;
    let encoded: AnthropicMessage;
    if (message.role === 'system') encoded = { role: 'system', content: textContent(message.content, path, dropped) };
    else if (message.role === 'user') encoded = { role: 'user', content: userContent(message.content, path, dropped) };
    else if (message.role === 'assistant') encoded = { role: 'assistant', content: assistantContent(message.content, path, dropped) };
    else encoded = { role: 'user', content: message.content.map((result, part) => toolResult(result, `${path}.content[${part}]`, dropped)) };
    if ((message.role === 'user' || message.role === 'assistant') && message.name !== undefined) dropped.push(`${path}.name`);
    // The API rejects empty messages; this one's parts were all reported as dropped.
    if (Array.isArray(encoded.content) && encoded.content.length === 0 && message.content.length > 0) return;
    body.messages.push(encoded);
  });
  if (request.tools !== undefined) body.tools = encodeTools(request.tools, dropped);
  const toolChoice = encodeToolChoice(request.toolChoice, request.parallelToolCalls);
  if (toolChoice !== undefined) body.tool_choice = toolChoice;
  encodeReasoning(request, body, dropped);
  encodeResponseFormat(request, body, dropped);
  if (request.cache?.breakpoint !== undefined) body.cache_control = cacheControl(request.cache.breakpoint);
  if (request.cache?.key !== undefined) dropped.push('cache.key');
  if (request.cache?.retention !== undefined) dropped.push('cache.retention');
  if (request.stop !== undefined) body.stop_sequences = request.stop;
  if (request.temperature !== undefined) {
    body.temperature = Math.min(request.temperature, 1);
    if (request.temperature > 1) dropped.push('temperature');
  }
  if (request.topP !== undefined) body.top_p = request.topP;
  if (request.topK !== undefined) body.top_k = request.topK;
  for (const field of ['presencePenalty', 'frequencyPenalty', 'seed', 'metadata'] as const) {
    if (request[field] !== undefined) dropped.push(field);
  }
  if (request.candidateCount !== undefined && request.candidateCount !== 1) dropped.push('candidateCount');
  if (request.user !== undefined) body.metadata = { user_id: request.user };
  if (request.serviceTier === 'auto') body.service_tier = 'auto';
  else if (request.serviceTier === 'standard') body.service_tier = 'standard_only';
  else if (request.serviceTier !== undefined) dropped.push('serviceTier');
  if (request.stream) body.stream = true;
  Object.assign(body, ownExtensions(request.extensions, 'anthropic-messages', dropped));
  return { value: body, dropped };
}

export function cacheControl(hint: CacheHint): AnthropicCacheControl {
  return hint.ttl === '5m' ? { type: 'ephemeral' } : { type: 'ephemeral', ttl: hint.ttl };
}

function textBlock(part: TextPart, path: string, dropped: string[]): AnthropicTextBlock {
  if (part.thoughtSignature !== undefined) dropped.push(`${path}.thoughtSignature`);
  const block: AnthropicTextBlock = { type: 'text', text: part.text };
  if (part.cache !== undefined) block.cache_control = cacheControl(part.cache);
  return block;
}

function textContent(parts: TextPart[], path: string, dropped: string[]): string | AnthropicTextBlock[] {
  const only = parts[0];
  if (parts.length === 1 && only !== undefined && only.cache === undefined && only.thoughtSignature === undefined) return only.text;
  return parts.map((part, index) => textBlock(part, `${path}.content[${index}]`, dropped));
}

function imageBlock(part: ImagePart, path: string, dropped: string[]): AnthropicImageBlock {
  if (part.detail !== undefined) dropped.push(`${path}.detail`);
  const source = part.source;
  const block: AnthropicImageBlock = {
    type: 'image',
    source: source.kind === 'base64' ? { type: 'base64', media_type: source.mediaType, data: source.data } : { type: 'url', url: source.url },
  };
  if (part.cache !== undefined) block.cache_control = cacheControl(part.cache);
  return block;
}

function userContent(parts: UserPart[], path: string, dropped: string[]): string | AnyBlock[] {
  const only = parts[0];
  if (parts.length === 1 && only?.type === 'text' && only.cache === undefined && only.thoughtSignature === undefined) return only.text;
  const blocks: AnyBlock[] = [];
  parts.forEach((part, index) => {
    const partPath = `${path}.content[${index}]`;
    if (part.type === 'text') blocks.push(textBlock(part, partPath, dropped));
    else if (part.type === 'image') blocks.push(imageBlock(part, partPath, dropped));
    else if (part.protocol === 'anthropic-messages') blocks.push(part.value as AnyBlock);
    else dropped.push(partPath);
  });
  return blocks;
}

function assistantContent(parts: AssistantPart[], path: string, dropped: string[]): string | AnyBlock[] {
  const only = parts[0];
  if (parts.length === 1 && only?.type === 'text' && only.cache === undefined && only.thoughtSignature === undefined) return only.text;
  const blocks: AnyBlock[] = [];
  parts.forEach((part, index) => {
    const partPath = `${path}.content[${index}]`;
    switch (part.type) {
      case 'text':
        blocks.push(textBlock(part, partPath, dropped));
        break;
      case 'refusal':
        blocks.push({ type: 'text', text: part.text });
        break;
      case 'tool_call': {
        const input = argumentsToObject(part.arguments);
        if (!input.valid) dropped.push(`${partPath}.arguments`);
        if (part.thoughtSignature !== undefined) dropped.push(`${partPath}.thoughtSignature`);
        const block: AnthropicContentBlock = { type: 'tool_use', id: part.id, name: part.name, input: input.value };
        if (part.cache !== undefined) block.cache_control = cacheControl(part.cache);
        blocks.push(block);
        break;
      }
      case 'thinking':
        if (part.thoughtSignature !== undefined) dropped.push(`${partPath}.thoughtSignature`);
        // The API rejects thinking blocks whose signature it did not issue.
        if (part.signature === undefined) dropped.push(partPath);
        else blocks.push({ type: 'thinking', thinking: part.text, signature: part.signature });
        break;
      case 'redacted_thinking':
        blocks.push({ type: 'redacted_thinking', data: part.data });
        break;
      case 'opaque':
        if (part.protocol === 'anthropic-messages') blocks.push(part.value as AnyBlock);
        else dropped.push(partPath);
    }
  });
  return blocks;
}

function toolResult(result: ToolResultPart, path: string, dropped: string[]): AnthropicContentBlock {
  const block: AnthropicContentBlock = { type: 'tool_result', tool_use_id: result.toolCallId };
  const only = result.content[0];
  if (result.content.length === 1 && only?.type === 'text' && only.cache === undefined && only.thoughtSignature === undefined) {
    block.content = only.text;
  } else if (result.content.length > 0) {
    block.content = result.content.map((part, index) =>
      part.type === 'text' ? textBlock(part, `${path}.content[${index}]`, dropped) : imageBlock(part, `${path}.content[${index}]`, dropped),
    );
  }
  if (result.isError !== undefined) block.is_error = result.isError;
  if (result.cache !== undefined) block.cache_control = cacheControl(result.cache);
  return block;
}

function encodeTools(tools: CanonicalTool[], dropped: string[]): Array<AnthropicCustomTool | AnthropicOtherBlock> {
  const encoded: Array<AnthropicCustomTool | AnthropicOtherBlock> = [];
  tools.forEach((tool, index) => {
    if (tool.type === 'opaque') {
      if (tool.protocol === 'anthropic-messages') encoded.push(tool.value as AnthropicOtherBlock);
      else dropped.push(`tools[${index}]`);
      return;
    }
    const custom: AnthropicCustomTool = { name: tool.name, input_schema: tool.parameters ?? { type: 'object', properties: {} } };
    if (tool.description !== undefined) custom.description = tool.description;
    if (tool.strict !== undefined) custom.strict = tool.strict;
    if (tool.cache !== undefined) custom.cache_control = cacheControl(tool.cache);
    encoded.push(custom);
  });
  return encoded;
}

function encodeToolChoice(choice: ToolChoice | undefined, parallel: boolean | undefined): AnthropicToolChoice | undefined {
  if (choice === undefined && parallel === undefined) return undefined;
  const type = choice?.type ?? 'auto';
  if (type === 'none') return { type: 'none' };
  const encoded: Exclude<AnthropicToolChoice, { type: 'none' }> =
    choice?.type === 'tool' ? { type: 'tool', name: choice.name } : { type: type === 'required' ? 'any' : 'auto' };
  if (parallel !== undefined) encoded.disable_parallel_tool_use = !parallel;
  return encoded;
}

function encodeResponseFormat(request: CanonicalRequest, body: AnthropicMessagesRequest, dropped: string[]): void {
  const format = request.responseFormat;
  if (format === undefined || format.type === 'text') return;
  if (format.type === 'json_object') {
    dropped.push('responseFormat');
    return;
  }
  body.output_config = { ...body.output_config, format: { type: 'json_schema', schema: format.schema } };
  for (const field of ['name', 'description', 'strict'] as const) {
    if (format[field] !== undefined) dropped.push(`responseFormat.${field}`);
  }
}
