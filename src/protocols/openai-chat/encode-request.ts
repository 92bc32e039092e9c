import { ownExtensions } from '../canonical/extensions.ts';
import type { AssistantPart, TextPart, ToolResultPart, UserPart } from '../canonical/parts.ts';
import { effortForBudget } from '../canonical/reasoning-effort.ts';
import type { AssistantMessage, CanonicalRequest, CanonicalTool, ResponseFormat, ToolChoice } from '../canonical/request.ts';
import { toolResultTexts } from '../canonical/tool-result-texts.ts';
import type { Translation } from '../canonical/translation.ts';
import { urlFromImageSource } from './data-url.ts';
import { OPENAI_DIALECT, type OpenAIDialect } from './dialect.ts';
import { serviceTierToOpenAI } from './service-tier.ts';
import type {
  OpenAIAssistantMessage,
  OpenAIChatRequest,
  OpenAIMessage,
  OpenAIResponseFormat,
  OpenAITextContentPart,
  OpenAITool,
  OpenAIToolCall,
  OpenAIToolChoice,
  OpenAIUserContentPart,
} from './wire-types.ts';

const MAX_STOP_SEQUENCES = 4;

/** The canonical request → a Chat Completions body for api.openai.com or an OpenAI-compatible host. */
export function encodeOpenAIChatRequest(
  request: CanonicalRequest,
  dialect: OpenAIDialect = OPENAI_DIALECT,
): Translation<OpenAIChatRequest> {
  const dropped: string[] = [];
  const messages: OpenAIMessage[] = [];
  if (request.system !== undefined && request.system.length > 0) {
    messages.push({ role: 'system', content: textContent(request.system, 'system', dropped) });
  }
  request.messages.forEach((message, index) => {
    const path = `messages[${index}]`;
    if (message.role === 'system') messages.push({ role: 'system', content: textContent(message.content, path, dropped) });
    else if (message.role === 'user') {
      const encoded: OpenAIMessage = { role: 'user', content: userContent(message.content, path, dropped) };
      if (message.name !== undefined) encoded.name = message.name;
      messages.push(encoded);
    } else if (message.role === 'assistant') messages.push(assistantMessage(message, path, dropped, dialect));
    else message.content.forEach((result, part) => messages.push(toolMessage(result, `${path}.content[${part}]`, dropped)));
  });

  const body: OpenAIChatRequest = { model: request.model, messages };
  if (request.tools !== undefined) body.tools = encodeTools(request.tools, dropped);
  if (request.toolChoice !== undefined) body.tool_choice = encodeToolChoice(request.toolChoice);
  if (request.parallelToolCalls !== undefined) body.parallel_tool_calls = request.parallelToolCalls;
  if (request.maxOutputTokens !== undefined) body[dialect.maxTokensField] = request.maxOutputTokens;
  if (request.temperature !== undefined) body.temperature = request.temperature;
  if (request.topP !== undefined) body.top_p = request.topP;
  if (request.topK !== undefined) {
    if (dialect.topK) body['top_k'] = request.topK;
    else dropped.push('topK');
  }
  if (request.presencePenalty !== undefined) body.presence_penalty = request.presencePenalty;
  if (request.frequencyPenalty !== undefined) body.frequency_penalty = request.frequencyPenalty;
  if (request.seed !== undefined) body.seed = request.seed;
  if (request.stop !== undefined) {
    body.stop = request.stop.slice(0, MAX_STOP_SEQUENCES);
    if (request.stop.length > MAX_STOP_SEQUENCES) dropped.push(`stop[${MAX_STOP_SEQUENCES}]`);
  }
  if (request.candidateCount !== undefined) body.n = request.candidateCount;
  if (request.responseFormat !== undefined) body.response_format = encodeResponseFormat(request.responseFormat);
  encodeReasoning(request, body, dropped);
  if (request.cache?.key !== undefined) body.prompt_cache_key = request.cache.key;
  if (request.cache?.retention !== undefined) body.prompt_cache_retention = request.cache.retention;
  if (request.cache?.breakpoint !== undefined) dropped.push('cache.breakpoint');
  if (request.user !== undefined) body.user = request.user;
  if (request.metadata !== undefined) body.metadata = request.metadata;
  if (request.serviceTier !== undefined) body.service_tier = serviceTierToOpenAI(request.serviceTier) as OpenAIChatRequest['service_tier'];
  if (request.stream) body.stream = true;
  if (request.streamIncludeUsage !== undefined) body.stream_options = { include_usage: request.streamIncludeUsage };
  Object.assign(body, ownExtensions(request.extensions, 'openai-chat', dropped));
  return { value: body, dropped };
}

function textContent(parts: TextPart[], path: string, dropped: string[]): string | OpenAITextContentPart[] {
  parts.forEach((part, index) => reportTextExtras(part, `${path}.content[${index}]`, dropped));
  if (parts.length === 1) return (parts[0] as TextPart).text;
  return parts.map((part) => ({ type: 'text', text: part.text }));
}

function reportTextExtras(part: TextPart, path: string, dropped: string[]): void {
  if (part.cache !== undefined) dropped.push(`${path}.cache`);
  if (part.thoughtSignature !== undefined) dropped.push(`${path}.thoughtSignature`);
}

function userContent(parts: UserPart[], path: string, dropped: string[]): string | OpenAIUserContentPart[] {
  if (parts.length === 1 && parts[0]?.type === 'text') return textContent([parts[0]], path, dropped) as string;
  const content: OpenAIUserContentPart[] = [];
  parts.forEach((part, index) => {
    const partPath = `${path}.content[${index}]`;
    if (part.type === 'text') {
      reportTextExtras(part, partPath, dropped);
      content.push({ type: 'text', text: part.text });
    } else if (part.type === 'image') {
      if (part.cache !== undefined) dropped.push(`${partPath}.cache`);
      const imageUrl: { url: string; detail?: 'auto' | 'low' | 'high' | 'original' } = { url: urlFromImageSource(part.source) };
      if (part.detail !== undefined) imageUrl.detail = part.detail;
      content.push({ type: 'image_url', image_url: imageUrl });
    } else if (part.protocol === 'openai-chat') content.push(part.value as OpenAIUserContentPart);
    else dropped.push(partPath);
  });
  return content;
}

function assistantMessage(message: AssistantMessage, path: string, dropped: string[], dialect: OpenAIDialect): OpenAIAssistantMessage {
  const texts: string[] = [];
  const toolCalls: OpenAIToolCall[] = [];
  let refusal: string | undefined;
  let reasoning: string | undefined;
  message.content.forEach((part: AssistantPart, index) => {
    const partPath = `${path}.content[${index}]`;
    switch (part.type) {
      case 'text':
        reportTextExtras(part, partPath, dropped);
        texts.push(part.text);
        break;
      case 'refusal':
        refusal = (refusal ?? '') + part.text;
        break;
      case 'tool_call':
        if (part.cache !== undefined) dropped.push(`${partPath}.cache`);
        if (part.thoughtSignature !== undefined) dropped.push(`${partPath}.thoughtSignature`);
        toolCalls.push({ id: part.id, type: 'function', function: { name: part.name, arguments: part.arguments } });
        break;
      case 'thinking':
        if (dialect.reasoningField === undefined || !dialect.echoReasoning) dropped.push(partPath);
        else {
          reasoning = (reasoning ?? '') + part.text;
          if (part.signature !== undefined) dropped.push(`${partPath}.signature`);
          if (part.thoughtSignature !== undefined) dropped.push(`${partPath}.thoughtSignature`);
        }
        break;
      case 'redacted_thinking':
        dropped.push(partPath);
        break;
      case 'opaque':
        if (part.protocol === 'openai-chat') toolCalls.push(part.value as OpenAIToolCall);
        else dropped.push(partPath);
    }
  });
  const encoded: OpenAIAssistantMessage = {
    role: 'assistant',
    content: texts.length === 0 ? null : texts.length === 1 ? (texts[0] as string) : texts.map((text) => ({ type: 'text', text })),
  };
  if (refusal !== undefined) encoded.refusal = refusal;
  if (toolCalls.length > 0) encoded.tool_calls = toolCalls;
  if (reasoning !== undefined && dialect.reasoningField !== undefined && dialect.echoReasoning) encoded[dialect.reasoningField] = reasoning;
  if (message.name !== undefined) encoded.name = message.name;
  if (encoded.content === null && toolCalls.length === 0 && refusal === undefined) encoded.content = '';
  return encoded;
}

function toolMessage(result: ToolResultPart, path: string, dropped: string[]): OpenAIMessage {
  const texts = toolResultTexts(result, path, dropped);
  return { role: 'tool', tool_call_id: result.toolCallId, content: texts.length === 0 ? '' : textContent(texts, path, dropped) };
}

function encodeTools(tools: CanonicalTool[], dropped: string[]): OpenAITool[] {
  const encoded: OpenAITool[] = [];
  tools.forEach((tool, index) => {
    if (tool.type === 'opaque') {
      if (tool.protocol === 'openai-chat') encoded.push(tool.value as OpenAITool);
      else dropped.push(`tools[${index}]`);
      return;
    }
    if (tool.cache !== undefined) dropped.push(`tools[${index}].cache`);
    const definition: OpenAITool & { type: 'function' } = { type: 'function', function: { name: tool.name } };
    if (tool.description !== undefined) definition.function.description = tool.description;
    if (tool.parameters !== undefined) definition.function.parameters = tool.parameters;
    if (tool.strict !== undefined) definition.function.strict = tool.strict;
    encoded.push(definition);
  });
  return encoded;
}

function encodeToolChoice(choice: ToolChoice): OpenAIToolChoice {
  return choice.type === 'tool' ? { type: 'function', function: { name: choice.name } } : choice.type;
}

function encodeResponseFormat(format: ResponseFormat): OpenAIResponseFormat {
  if (format.type !== 'json_schema') return { type: format.type };
  const jsonSchema: Extract<OpenAIResponseFormat, { type: 'json_schema' }>['json_schema'] = {
    name: format.name ?? 'response',
    schema: format.schema,
  };
  if (format.description !== undefined) jsonSchema.description = format.description;
  if (format.strict !== undefined) jsonSchema.strict = format.strict;
  return { type: 'json_schema', json_schema: jsonSchema };
}

function encodeReasoning(request: CanonicalRequest, body: OpenAIChatRequest, dropped: string[]): void {
  const reasoning = request.reasoning;
  if (reasoning === undefined) return;
  if (reasoning.effort !== undefined) body.reasoning_effort = reasoning.effort;
  else if (reasoning.budgetTokens !== undefined) body.reasoning_effort = effortForBudget(reasoning.budgetTokens);
  else if (reasoning.enabled === false) body.reasoning_effort = 'none';
  if (reasoning.budgetTokens !== undefined) dropped.push('reasoning.budgetTokens');
  if (reasoning.includeThoughts !== undefined) dropped.push('reasoning.includeThoughts');
  if (reasoning.enabled === true && reasoning.effort === undefined && reasoning.budgetTokens === undefined) dropped.push('reasoning.enabled');
}
