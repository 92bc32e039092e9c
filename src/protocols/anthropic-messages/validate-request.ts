import type { Checker, PathSegment } from '../validation/issue.ts';
import {
  checkEnum,
  checkKnownFields,
  checkNumber,
  expectArray,
  expectObject,
  isAbsent,
  optionalBoolean,
  optionalEnum,
  optionalNumber,
  optionalString,
  requestBody,
  requireField,
  requiredString,
  type JsonObject,
} from '../validation/read.ts';
import { anthropicChecker } from './anthropic-checker.ts';
import { ANTHROPIC_EFFORTS, type AnthropicCountTokensRequest, type AnthropicMessagesRequest } from './wire-types.ts';

const SHARED_FIELDS = [
  'model', 'messages', 'system', 'tools', 'tool_choice', 'thinking', 'output_config', 'cache_control', 'container',
  'diagnostics', 'mcp_servers', 'context_management',
];
const MESSAGES_FIELDS = new Set([
  ...SHARED_FIELDS, 'max_tokens', 'metadata', 'service_tier', 'stop_sequences', 'stream', 'temperature', 'top_p', 'top_k',
  'inference_geo', 'speed', 'user_profile_id', 'workspace_id',
]);
const COUNT_TOKENS_FIELDS = new Set(SHARED_FIELDS);
const NOT_AN_OBJECT = 'There was an issue with your request body: expected a JSON object.';

const CUSTOM_TOOL_FIELDS = new Set([
  'type', 'name', 'description', 'input_schema', 'cache_control', 'strict', 'allowed_callers', 'defer_loading',
  'eager_input_streaming', 'input_examples',
]);

export interface AnthropicValidationOptions {
  unknownFields?: 'reject' | 'allow';
  /** Put into the error body's `request_id`, as the API does. */
  requestId?: string;
}

/** Checks a POST /v1/messages body as api.anthropic.com does; throws with Anthropic's 400 body. */
export function validateAnthropicMessagesRequest(body: unknown, options: AnthropicValidationOptions = {}): AnthropicMessagesRequest {
  const checker = anthropicChecker(options.unknownFields ?? 'reject', options.requestId);
  const request = requestBody(checker, body, NOT_AN_OBJECT);
  checkKnownFields(checker, request, MESSAGES_FIELDS, []);
  checkShared(checker, request);
  const maxTokens = checkNumber(checker, requireField(checker, request, 'max_tokens', []), ['max_tokens'], { integer: true, minimum: 1 });
  optionalNumber(checker, request, 'temperature', [], { minimum: 0, maximum: 1 });
  optionalNumber(checker, request, 'top_p', [], { minimum: 0, maximum: 1 });
  optionalNumber(checker, request, 'top_k', [], { integer: true, minimum: 0 });
  optionalBoolean(checker, request, 'stream', []);
  optionalEnum(checker, request, 'service_tier', [], ['auto', 'standard_only']);
  if (!isAbsent(request['stop_sequences'])) {
    expectArray(checker, request['stop_sequences'], ['stop_sequences']).forEach((value, index) => {
      if (typeof value !== 'string') checker.fail({ kind: 'type', path: ['stop_sequences', index], expected: 'string', actual: value });
    });
  }
  if (!isAbsent(request['metadata'])) {
    const metadata = expectObject(checker, request['metadata'], ['metadata']);
    checkKnownFields(checker, metadata, new Set(['user_id']), ['metadata']);
    optionalString(checker, metadata, 'user_id', ['metadata']);
  }
  const thinking = request['thinking'];
  if (typeof thinking === 'object' && thinking !== null && (thinking as JsonObject)['type'] === 'enabled') {
    const budget = (thinking as JsonObject)['budget_tokens'] as number;
    if (budget >= maxTokens) {
      checker.fail({ kind: 'custom', path: ['max_tokens'], message: '`max_tokens` must be greater than `thinking.budget_tokens`. Please consult our documentation at https://docs.claude.com/en/docs/build-with-claude/extended-thinking#max-tokens-and-context-window-size' });
    }
  }
  return request as AnthropicMessagesRequest;
}

/** Checks a POST /v1/messages/count_tokens body; throws with Anthropic's 400 body. */
export function validateAnthropicCountTokensRequest(body: unknown, options: AnthropicValidationOptions = {}): AnthropicCountTokensRequest {
  const checker = anthropicChecker(options.unknownFields ?? 'reject', options.requestId);
  const request = requestBody(checker, body, NOT_AN_OBJECT);
  checkKnownFields(checker, request, COUNT_TOKENS_FIELDS, []);
  checkShared(checker, request);
  return request as AnthropicCountTokensRequest;
}

function checkShared(checker: Checker, request: JsonObject): void {
  requiredString(checker, request, 'model', []);
  const messages = expectArray(checker, requireField(checker, request, 'messages', []), ['messages']);
  if (messages.length === 0) checker.fail({ kind: 'custom', path: ['messages'], message: 'messages: at least one message is required' });
  messages.forEach((message, index) => checkMessage(checker, message, ['messages', index], index === messages.length - 1));
  checkSystem(checker, request);
  checkTools(checker, request);
  checkToolChoice(checker, request);
  checkThinking(checker, request);
  checkOutputConfig(checker, request);
  if (!isAbsent(request['cache_control'])) checkCacheControl(checker, request['cache_control'], ['cache_control']);
}

function checkMessage(checker: Checker, value: unknown, path: PathSegment[], last: boolean): void {
  const message = expectObject(checker, value, path);
  checkKnownFields(checker, message, new Set(['role', 'content']), path);
  const role = checkEnum(checker, requireField(checker, message, 'role', path), [...path, 'role'], ['user', 'assistant', 'system']);
  const content = requireField(checker, message, 'content', path);
  const empty = content === '' || (Array.isArray(content) && content.length === 0);
  if (empty && !(last && role === 'assistant')) {
    checker.fail({ kind: 'custom', path, message: `${path.join('.')}: all messages must have non-empty content except for the optional final assistant message` });
  }
  if (typeof content === 'string') return;
  if (!Array.isArray(content)) checker.fail({ kind: 'type', path: [...path, 'content'], expected: 'string or array', actual: content });
  content.forEach((block, index) => checkBlock(checker, block, [...path, 'content', index], role));
}

const USER_BLOCKS = ['text', 'image', 'document', 'search_result', 'tool_result', 'container_upload'];
const ASSISTANT_BLOCKS = [
  'text', 'tool_use', 'thinking', 'redacted_thinking', 'server_tool_use', 'web_search_tool_result', 'web_fetch_tool_result',
  'code_execution_tool_result', 'bash_code_execution_tool_result', 'text_editor_code_execution_tool_result',
  'tool_search_tool_result', 'container_upload',
];

function checkBlock(checker: Checker, value: unknown, path: PathSegment[], role: string): void {
  const block = expectObject(checker, value, path);
  const allowed = role === 'assistant' ? ASSISTANT_BLOCKS : role === 'system' ? ['text'] : USER_BLOCKS;
  const type = checkEnum(checker, requireField(checker, block, 'type', path), [...path, 'type'], allowed);
  if (!isAbsent(block['cache_control'])) checkCacheControl(checker, block['cache_control'], [...path, 'cache_control']);
  switch (type) {
    case 'text':
      requiredString(checker, block, 'text', path);
      break;
    case 'image':
      checkImageSource(checker, block, path);
      break;
    case 'tool_use':
      requiredString(checker, block, 'id', path);
      requiredString(checker, block, 'name', path);
      expectObject(checker, requireField(checker, block, 'input', path), [...path, 'input']);
      break;
    case 'tool_result': {
      requiredString(checker, block, 'tool_use_id', path);
      optionalBoolean(checker, block, 'is_error', path);
      const content = block['content'];
      if (isAbsent(content) || typeof content === 'string') break;
      expectArray(checker, content, [...path, 'content']).forEach((inner, index) =>
        checkBlock(checker, inner, [...path, 'content', index], 'user'),
      );
      break;
    }
    case 'thinking':
      requiredString(checker, block, 'thinking', path);
      requiredString(checker, block, 'signature', path);
      break;
    case 'redacted_thinking':
      requiredString(checker, block, 'data', path);
      break;
  }
}

function checkImageSource(checker: Checker, block: JsonObject, path: PathSegment[]): void {
  const source = expectObject(checker, requireField(checker, block, 'source', path), [...path, 'source']);
  const sourcePath = [...path, 'source'];
  const type = checkEnum(checker, requireField(checker, source, 'type', sourcePath), [...sourcePath, 'type'], ['base64', 'url', 'file']);
  if (type === 'base64') {
    checkEnum(checker, requireField(checker, source, 'media_type', sourcePath), [...sourcePath, 'media_type'], [
      'image/jpeg', 'image/png', 'image/gif', 'image/webp',
    ]);
    requiredString(checker, source, 'data', sourcePath);
  } else if (type === 'url') requiredString(checker, source, 'url', sourcePath);
  else requiredString(checker, source, 'file_id', sourcePath);
}

function checkCacheControl(checker: Checker, value: unknown, path: PathSegment[]): void {
  const cacheControl = expectObject(checker, value, path);
  checkEnum(checker, requireField(checker, cacheControl, 'type', path), [...path, 'type'], ['ephemeral']);
  optionalEnum(checker, cacheControl, 'ttl', path, ['5m', '1h']);
}

function checkSystem(checker: Checker, request: JsonObject): void {
  const system = request['system'];
  if (isAbsent(system) || typeof system === 'string') return;
  if (!Array.isArray(system)) checker.fail({ kind: 'type', path: ['system'], expected: 'string or array', actual: system });
  system.forEach((block, index) => checkBlock(checker, block, ['system', index], 'system'));
}

function checkTools(checker: Checker, request: JsonObject): void {
  if (isAbsent(request['tools'])) return;
  expectArray(checker, request['tools'], ['tools']).forEach((value, index) => {
    const path = ['tools', index];
    const tool = expectObject(checker, value, path);
    requiredString(checker, tool, 'name', path);
    if (!isAbsent(tool['cache_control'])) checkCacheControl(checker, tool['cache_control'], [...path, 'cache_control']);
    if (!isAbsent(tool['type']) && tool['type'] !== 'custom') return;
    checkKnownFields(checker, tool, CUSTOM_TOOL_FIELDS, path);
    optionalString(checker, tool, 'description', path);
    const schema = expectObject(checker, requireField(checker, tool, 'input_schema', path), [...path, 'input_schema']);
    checkEnum(checker, requireField(checker, schema, 'type', [...path, 'input_schema']), [...path, 'input_schema', 'type'], ['object']);
  });
}

function checkToolChoice(checker: Checker, request: JsonObject): void {
  if (isAbsent(request['tool_choice'])) return;
  const choice = expectObject(checker, request['tool_choice'], ['tool_choice']);
  const type = checkEnum(checker, requireField(checker, choice, 'type', ['tool_choice']), ['tool_choice', 'type'], ['auto', 'any', 'tool', 'none']);
  if (type === 'tool') requiredString(checker, choice, 'name', ['tool_choice']);
  optionalBoolean(checker, choice, 'disable_parallel_tool_use', ['tool_choice']);
}

function checkThinking(checker: Checker, request: JsonObject): void {
  if (isAbsent(request['thinking'])) return;
  const thinking = expectObject(checker, request['thinking'], ['thinking']);
  const type = checkEnum(checker, requireField(checker, thinking, 'type', ['thinking']), ['thinking', 'type'], [
    'enabled', 'disabled', 'adaptive', 'between_tools',
  ]);
  if (type === 'enabled') {
    checkNumber(checker, requireField(checker, thinking, 'budget_tokens', ['thinking']), ['thinking', 'budget_tokens'], {
      integer: true,
      minimum: 1024,
    });
  }
  optionalEnum(checker, thinking, 'display', ['thinking'], ['summarized', 'omitted']);
}

function checkOutputConfig(checker: Checker, request: JsonObject): void {
  if (isAbsent(request['output_config'])) return;
  const outputConfiguration = expectObject(checker, request['output_config'], ['output_config']);
  optionalEnum(checker, outputConfiguration, 'effort', ['output_config'], ANTHROPIC_EFFORTS);
  if (isAbsent(outputConfiguration['format'])) return;
  const format = expectObject(checker, outputConfiguration['format'], ['output_config', 'format']);
  checkEnum(checker, requireField(checker, format, 'type', ['output_config', 'format']), ['output_config', 'format', 'type'], ['json_schema']);
  expectObject(checker, requireField(checker, format, 'schema', ['output_config', 'format']), ['output_config', 'format', 'schema']);
}
