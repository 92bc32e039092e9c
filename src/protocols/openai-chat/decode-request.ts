import type { AssistantPart, TextPart, ToolResultPart, UserPart } from '../canonical/parts.ts';
import type {
  CanonicalMessage,
  CanonicalRequest,
  CanonicalTool,
  ResponseFormat,
  ToolChoice,
} from '../canonical/request.ts';
import type { Translation } from '../canonical/translation.ts';
import { imageSourceFromUrl } from './data-url.ts';
import { serviceTierFromOpenAI } from './service-tier.ts';
import type {
  OpenAIAssistantMessage,
  OpenAIChatRequest,
  OpenAIMessage,
  OpenAITextContentPart,
  OpenAITool,
  OpenAIToolChoice,
  OpenAIUserContentPart,
} from './wire-types.ts';

/** Request fields the canonical model carries; every other field is kept in `extensions.openai`. */
const MODELLED_FIELDS = new Set([
  'model', 'messages', 'tools', 'tool_choice', 'parallel_tool_calls', 'max_completion_tokens', 'max_tokens',
  'temperature', 'top_p', 'top_k', 'presence_penalty', 'frequency_penalty', 'seed', 'stop', 'n', 'response_format',
  'reasoning_effort', 'prompt_cache_key', 'prompt_cache_retention', 'user', 'metadata', 'service_tier', 'stream',
  'stream_options',
]);

/** A validated Chat Completions request → the canonical request. */
export function decodeOpenAIChatRequest(request: OpenAIChatRequest): Translation<CanonicalRequest> {
  const dropped: string[] = [];
  const extensions: Record<string, unknown> = {};
  const canonical: CanonicalRequest = { model: request.model, messages: [], stream: request.stream === true };
  decodeMessages(request.messages, canonical, dropped);

  if (request.tools !== undefined) canonical.tools = request.tools.map(decodeTool);
  if (request.tool_choice !== undefined) {
    const choice = decodeToolChoice(request.tool_choice);
    if (choice === undefined) extensions['tool_choice'] = request.tool_choice;
    else canonical.toolChoice = choice;
  }
  if (request.parallel_tool_calls !== undefined) canonical.parallelToolCalls = request.parallel_tool_calls;
  const maxTokens = request.max_completion_tokens ?? request.max_tokens;
  if (typeof maxTokens === 'number') canonical.maxOutputTokens = maxTokens;
  if (typeof request.temperature === 'number') canonical.temperature = request.temperature;
  if (typeof request.top_p === 'number') canonical.topP = request.top_p;
  if (typeof request['top_k'] === 'number') canonical.topK = request['top_k'];
  if (typeof request.presence_penalty === 'number') canonical.presencePenalty = request.presence_penalty;
  if (typeof request.frequency_penalty === 'number') canonical.frequencyPenalty = request.frequency_penalty;
  if (typeof request.seed === 'number') canonical.seed = request.seed;
  if (typeof request.stop === 'string') canonical.stop = [request.stop];
  else if (Array.isArray(request.stop)) canonical.stop = request.stop;
  if (typeof request.n === 'number') canonical.candidateCount = request.n;
  if (request.response_format !== undefined) canonical.responseFormat = decodeResponseFormat(request.response_format);
  if (typeof request.reasoning_effort === 'string') canonical.reasoning = { effort: request.reasoning_effort };
  if (typeof request.prompt_cache_key === 'string') canonical.cache = { key: request.prompt_cache_key };
  if (typeof request.prompt_cache_retention === 'string') {
    canonical.cache = { ...canonical.cache, retention: request.prompt_cache_retention };
  }
  if (typeof request.user === 'string') canonical.user = request.user;
  if (request.metadata !== undefined && request.metadata !== null) canonical.metadata = request.metadata;
  if (typeof request.service_tier === 'string') {
    const tier = serviceTierFromOpenAI(request.service_tier);
    if (tier === undefined) extensions['service_tier'] = request.service_tier;
    else canonical.serviceTier = tier;
  }
  const streamOptions = request.stream_options;
  if (streamOptions !== undefined && streamOptions !== null) {
    if (typeof streamOptions.include_usage === 'boolean') canonical.streamIncludeUsage = streamOptions.include_usage;
    if (Object.keys(streamOptions).some((key) => key !== 'include_usage')) extensions['stream_options'] = streamOptions;
  }
  for (const key in request) {
    if (!MODELLED_FIELDS.has(key) && request[key] !== undefined) extensions[key] = request[key];
  }
  if (Object.keys(extensions).length > 0) canonical.extensions = { 'openai-chat': extensions };
  return { value: canonical, dropped };
}

function decodeMessages(messages: OpenAIMessage[], canonical: CanonicalRequest, dropped: string[]): void {
  let leading = true;
  messages.forEach((message, index) => {
    const path = `messages[${index}]`;
    if (message.role === 'system' || message.role === 'developer') {
      const parts = textParts(message.content, path, dropped);
      if (leading) canonical.system = [...(canonical.system ?? []), ...parts];
      else canonical.messages.push({ role: 'system', content: parts });
      return;
    }
    leading = false;
    if (message.role === 'function') {
      dropped.push(path);
      return;
    }
    if (message.role === 'tool') {
      const result: ToolResultPart = {
        type: 'tool_result',
        toolCallId: message.tool_call_id,
        content: textParts(message.content, path, dropped),
      };
      const previous = canonical.messages[canonical.messages.length - 1];
      if (previous?.role === 'tool') previous.content.push(result);
      else canonical.messages.push({ role: 'tool', content: [result] });
      return;
    }
    const decoded: CanonicalMessage =
      message.role === 'user'
        ? { role: 'user', content: userParts(message.content, path, dropped) }
        : { role: 'assistant', content: assistantParts(message as OpenAIAssistantMessage, path, dropped) };
    if (typeof message.name === 'string') decoded.name = message.name;
    canonical.messages.push(decoded);
  });
}

function textParts(content: string | OpenAITextContentPart[] | null, path: string, dropped: string[]): TextPart[] {
  if (content === null) return [];
  if (typeof content === 'string') return [{ type: 'text', text: content }];
  return content.map((part, index) => {
    if (part.prompt_cache_breakpoint !== undefined) dropped.push(`${path}.content[${index}].prompt_cache_breakpoint`);
    return { type: 'text', text: part.text };
  });
}

function userParts(content: string | OpenAIUserContentPart[], path: string, dropped: string[]): UserPart[] {
  if (typeof content === 'string') return [{ type: 'text', text: content }];
  return content.map((part, index): UserPart => {
    if (part.prompt_cache_breakpoint !== undefined) dropped.push(`${path}.content[${index}].prompt_cache_breakpoint`);
    if (part.type === 'text') return { type: 'text', text: part.text as string };
    if (part.type === 'image_url') {
      const image = part.image_url as { url: string; detail?: 'auto' | 'low' | 'high' | 'original' };
      const decoded: UserPart = { type: 'image', source: imageSourceFromUrl(image.url) };
      if (image.detail !== undefined) decoded.detail = image.detail;
      return decoded;
    }
    return { type: 'opaque', protocol: 'openai-chat', value: part };
  });
}

function assistantParts(message: OpenAIAssistantMessage, path: string, dropped: string[]): AssistantPart[] {
  const parts: AssistantPart[] = [];
  const reasoning = message.reasoning_content ?? message.reasoning;
  if (typeof reasoning === 'string') parts.push({ type: 'thinking', text: reasoning });
  const content = message.content;
  if (typeof content === 'string') parts.push({ type: 'text', text: content });
  else if (Array.isArray(content)) {
    for (const part of content) {
      parts.push(part.type === 'refusal' ? { type: 'refusal', text: part.refusal } : { type: 'text', text: part.text });
    }
  }
  if (typeof message.refusal === 'string') parts.push({ type: 'refusal', text: message.refusal });
  for (const call of message.tool_calls ?? []) {
    if (call.type === 'function') {
      parts.push({ type: 'tool_call', id: call.id, name: call.function.name, arguments: call.function.arguments });
    } else {
      parts.push({ type: 'opaque', protocol: 'openai-chat', value: call });
    }
  }
  if (message.function_call !== undefined && message.function_call !== null) dropped.push(`${path}.function_call`);
  if (message.audio !== undefined && message.audio !== null) dropped.push(`${path}.audio`);
  return parts;
}

function decodeTool(tool: OpenAITool): CanonicalTool {
  if (tool.type !== 'function') return { type: 'opaque', protocol: 'openai-chat', value: tool };
  const decoded: CanonicalTool = { type: 'function', name: tool.function.name };
  if (tool.function.description !== undefined) decoded.description = tool.function.description;
  if (tool.function.parameters !== undefined) decoded.parameters = tool.function.parameters;
  if (typeof tool.function.strict === 'boolean') decoded.strict = tool.function.strict;
  return decoded;
}

function decodeToolChoice(choice: OpenAIToolChoice): ToolChoice | undefined {
  if (typeof choice === 'string') return { type: choice };
  if (choice.type === 'function') return { type: 'tool', name: choice.function.name };
  return undefined;
}

function decodeResponseFormat(format: NonNullable<OpenAIChatRequest['response_format']>): ResponseFormat {
  if (format.type !== 'json_schema') return { type: format.type };
  const decoded: ResponseFormat = { type: 'json_schema', schema: format.json_schema.schema ?? {}, name: format.json_schema.name };
  if (format.json_schema.description !== undefined) decoded.description = format.json_schema.description;
  if (typeof format.json_schema.strict === 'boolean') decoded.strict = format.json_schema.strict;
  return decoded;
}
