import type { Checker, PathSegment } from '../validation/issue.ts';
import {
  checkEnum,
  checkKnownFields,
  expectArray,
  expectObject,
  isAbsent,
  optionalBoolean,
  optionalEnum,
  optionalNumber,
  optionalString,
  optionalStringRecord,
  requestBody,
  requireField,
  requiredString,
  type JsonObject,
} from '../validation/read.ts';
import { openAIChecker } from './openai-checker.ts';
import { OPENAI_REASONING_EFFORTS, OPENAI_SERVICE_TIERS, type OpenAIChatRequest } from './wire-types.ts';

const KNOWN_FIELDS = new Set([
  'model', 'messages', 'audio', 'frequency_penalty', 'function_call', 'functions', 'logit_bias', 'logprobs',
  'max_completion_tokens', 'max_tokens', 'metadata', 'modalities', 'moderation', 'n', 'parallel_tool_calls',
  'prediction', 'presence_penalty', 'prompt_cache_key', 'prompt_cache_options', 'prompt_cache_retention',
  'reasoning_effort', 'response_format', 'safety_identifier', 'seed', 'service_tier', 'stop', 'store', 'stream',
  'stream_options', 'temperature', 'tool_choice', 'tools', 'top_logprobs', 'top_p', 'user', 'verbosity',
  'web_search_options',
]);

const ROLES = ['system', 'assistant', 'user', 'function', 'tool', 'developer'] as const;
const PART_TYPES: Record<string, readonly string[]> = {
  system: ['text'],
  developer: ['text'],
  tool: ['text'],
  user: ['text', 'image_url', 'input_audio', 'file'],
  assistant: ['text', 'refusal'],
};

export interface OpenAIValidationOptions {
  /** 'reject' (api.openai.com) or 'allow' (OpenAI-compatible hosts take extra fields such as top_k). */
  unknownFields?: 'reject' | 'allow';
}

/**
 * Checks a Chat Completions body as api.openai.com does and returns it typed, or throws a
 * FRUGAL_INVALID_REQUEST whose details carry OpenAI's 400 body.
 */
export function validateOpenAIChatRequest(body: unknown, options: OpenAIValidationOptions = {}): OpenAIChatRequest {
  const checker = openAIChecker('openai-chat', options.unknownFields ?? 'reject');
  const request = requestBody(
    checker,
    body,
    'We could not parse the JSON body of your request. (HINT: This likely means you aren\'t using your HTTP library correctly. The OpenAI API expects a JSON payload, but what was sent was not valid JSON.)',
  );
  checkKnownFields(checker, request, KNOWN_FIELDS, []);
  requiredString(checker, request, 'model', []);
  const messages = expectArray(checker, requireField(checker, request, 'messages', []), ['messages']);
  if (messages.length === 0) checker.fail({ kind: 'empty', path: ['messages'] });
  messages.forEach((message, index) => checkMessage(checker, message, ['messages', index]));

  optionalNumber(checker, request, 'temperature', [], { minimum: 0, maximum: 2 });
  optionalNumber(checker, request, 'top_p', [], { minimum: 0, maximum: 1 });
  optionalNumber(checker, request, 'presence_penalty', [], { minimum: -2, maximum: 2 });
  optionalNumber(checker, request, 'frequency_penalty', [], { minimum: -2, maximum: 2 });
  optionalNumber(checker, request, 'n', [], { integer: true, minimum: 1, maximum: 128 });
  optionalNumber(checker, request, 'max_tokens', [], { integer: true, minimum: 1 });
  optionalNumber(checker, request, 'max_completion_tokens', [], { integer: true, minimum: 1 });
  optionalNumber(checker, request, 'seed', [], { integer: true });
  optionalNumber(checker, request, 'top_logprobs', [], { integer: true, minimum: 0, maximum: 20 });
  optionalBoolean(checker, request, 'logprobs', []);
  optionalBoolean(checker, request, 'parallel_tool_calls', []);
  optionalBoolean(checker, request, 'store', []);
  const stream = optionalBoolean(checker, request, 'stream', []);
  optionalEnum(checker, request, 'reasoning_effort', [], OPENAI_REASONING_EFFORTS);
  optionalEnum(checker, request, 'service_tier', [], OPENAI_SERVICE_TIERS);
  optionalEnum(checker, request, 'prompt_cache_retention', [], ['in_memory', '24h']);
  optionalEnum(checker, request, 'verbosity', [], ['low', 'medium', 'high']);
  optionalString(checker, request, 'prompt_cache_key', []);
  optionalString(checker, request, 'safety_identifier', []);
  optionalString(checker, request, 'user', []);
  checkMetadata(checker, request);
  checkStop(checker, request);
  checkStreamOptions(checker, request, stream === true);
  checkTools(checker, request);
  checkToolChoice(checker, request);
  checkResponseFormat(checker, request);
  return request as OpenAIChatRequest;
}

function checkMessage(checker: Checker, value: unknown, path: PathSegment[]): void {
  const message = expectObject(checker, value, path);
  const role = checkEnum(checker, requireField(checker, message, 'role', path), [...path, 'role'], ROLES);
  optionalString(checker, message, 'name', path);
  if (role === 'function') {
    requiredString(checker, message, 'name', path);
    if (!isAbsent(message['content'])) requiredString(checker, message, 'content', path);
    return;
  }
  if (role === 'tool') requiredString(checker, message, 'tool_call_id', path);
  const content = message['content'];
  if (role === 'assistant') {
    if (!isAbsent(content)) checkContent(checker, content, [...path, 'content'], role);
    optionalString(checker, message, 'refusal', path);
    checkToolCalls(checker, message, path);
    // A returned message (content null, refusal set) may be sent back as it is.
    const hasAlternative = message['tool_calls'] !== undefined || !isAbsent(message['function_call']) || !isAbsent(message['audio']) || typeof message['refusal'] === 'string';
    if (isAbsent(content) && !hasAlternative) {
      checker.fail({ kind: 'custom', path: [...path, 'content'], message: "Invalid value for 'content': expected a string, got null." });
    }
    return;
  }
  if (isAbsent(content)) checker.fail({ kind: 'missing', path: [...path, 'content'] });
  checkContent(checker, content, [...path, 'content'], role);
}

function checkContent(checker: Checker, content: unknown, path: PathSegment[], role: string): void {
  if (typeof content === 'string') return;
  if (!Array.isArray(content)) {
    checker.fail({ kind: 'type', path, expected: 'string or array of objects', actual: content });
  }
  const allowed = PART_TYPES[role] ?? ['text'];
  content.forEach((value, index) => {
    const partPath = [...path, index];
    const part = expectObject(checker, value, partPath);
    const type = checkEnum(checker, requireField(checker, part, 'type', partPath), [...partPath, 'type'], allowed);
    if (type === 'text') requiredString(checker, part, 'text', partPath);
    if (type === 'refusal') requiredString(checker, part, 'refusal', partPath);
    if (type === 'image_url') {
      const imageUrl = expectObject(checker, requireField(checker, part, 'image_url', partPath), [...partPath, 'image_url']);
      requiredString(checker, imageUrl, 'url', [...partPath, 'image_url']);
      optionalEnum(checker, imageUrl, 'detail', [...partPath, 'image_url'], ['auto', 'low', 'high', 'original']);
    }
  });
}

function checkToolCalls(checker: Checker, message: JsonObject, path: PathSegment[]): void {
  if (message['tool_calls'] === undefined) return;
  const toolCalls = expectArray(checker, message['tool_calls'], [...path, 'tool_calls']);
  toolCalls.forEach((value, index) => {
    const callPath = [...path, 'tool_calls', index];
    const call = expectObject(checker, value, callPath);
    requiredString(checker, call, 'id', callPath);
    const type = checkEnum(checker, requireField(checker, call, 'type', callPath), [...callPath, 'type'], ['function', 'custom']);
    const body = expectObject(checker, requireField(checker, call, type, callPath), [...callPath, type]);
    requiredString(checker, body, 'name', [...callPath, type]);
    requiredString(checker, body, type === 'function' ? 'arguments' : 'input', [...callPath, type]);
  });
}

function checkMetadata(checker: Checker, request: JsonObject): void {
  const metadata = optionalStringRecord(checker, request, 'metadata', []);
  if (metadata !== undefined && Object.keys(metadata).length > 16) {
    checker.fail({ kind: 'custom', path: ['metadata'], message: "Invalid 'metadata': too many properties. Expected an object with at most 16 properties." });
  }
}

function checkStop(checker: Checker, request: JsonObject): void {
  const stop = request['stop'];
  if (isAbsent(stop) || typeof stop === 'string') return;
  if (!Array.isArray(stop)) {
    checker.fail({ kind: 'type', path: ['stop'], expected: 'string or array', actual: stop });
  }
  if (stop.length > 4) checker.fail({ kind: 'too_long', path: ['stop'], limit: 4, actual: stop.length });
  stop.forEach((value, index) => {
    if (typeof value !== 'string') checker.fail({ kind: 'type', path: ['stop', index], expected: 'string', actual: value });
  });
}

function checkStreamOptions(checker: Checker, request: JsonObject, stream: boolean): void {
  if (isAbsent(request['stream_options'])) return;
  if (!stream) {
    checker.fail({ kind: 'custom', path: ['stream_options'], message: "The 'stream_options' parameter is only allowed when 'stream' is enabled." });
  }
  const streamOptions = expectObject(checker, request['stream_options'], ['stream_options']);
  optionalBoolean(checker, streamOptions, 'include_usage', ['stream_options']);
  optionalBoolean(checker, streamOptions, 'include_obfuscation', ['stream_options']);
}

function checkTools(checker: Checker, request: JsonObject): void {
  if (request['tools'] === undefined) return;
  const tools = expectArray(checker, request['tools'], ['tools']);
  tools.forEach((value, index) => {
    const path = ['tools', index];
    const tool = expectObject(checker, value, path);
    const type = checkEnum(checker, requireField(checker, tool, 'type', path), [...path, 'type'], ['function', 'custom']);
    const definition = expectObject(checker, requireField(checker, tool, type, path), [...path, type]);
    requiredString(checker, definition, 'name', [...path, type]);
    optionalString(checker, definition, 'description', [...path, type]);
    if (type === 'function') {
      if (!isAbsent(definition['parameters'])) expectObject(checker, definition['parameters'], [...path, type, 'parameters']);
      optionalBoolean(checker, definition, 'strict', [...path, type]);
    }
  });
}

function checkToolChoice(checker: Checker, request: JsonObject): void {
  const choice = request['tool_choice'];
  if (choice === undefined) return;
  if (request['tools'] === undefined && choice !== 'none') {
    checker.fail({ kind: 'custom', path: ['tool_choice'], message: "Invalid value for 'tool_choice': 'tool_choice' is only allowed when 'tools' are specified." });
  }
  if (typeof choice === 'string') {
    checkEnum(checker, choice, ['tool_choice'], ['none', 'auto', 'required']);
    return;
  }
  const object = expectObject(checker, choice, ['tool_choice']);
  const type = checkEnum(checker, requireField(checker, object, 'type', ['tool_choice']), ['tool_choice', 'type'], [
    'function',
    'custom',
    'allowed_tools',
  ]);
  const inner = expectObject(checker, requireField(checker, object, type, ['tool_choice']), ['tool_choice', type]);
  if (type === 'allowed_tools') {
    optionalEnum(checker, inner, 'mode', ['tool_choice', type], ['auto', 'required']);
    expectArray(checker, requireField(checker, inner, 'tools', ['tool_choice', type]), ['tool_choice', type, 'tools']);
  } else {
    requiredString(checker, inner, 'name', ['tool_choice', type]);
  }
}

function checkResponseFormat(checker: Checker, request: JsonObject): void {
  if (request['response_format'] === undefined) return;
  const format = expectObject(checker, request['response_format'], ['response_format']);
  const type = checkEnum(checker, requireField(checker, format, 'type', ['response_format']), ['response_format', 'type'], [
    'text',
    'json_object',
    'json_schema',
  ]);
  if (type !== 'json_schema') return;
  const schema = expectObject(checker, requireField(checker, format, 'json_schema', ['response_format']), ['response_format', 'json_schema']);
  requiredString(checker, schema, 'name', ['response_format', 'json_schema']);
  if (!isAbsent(schema['schema'])) expectObject(checker, schema['schema'], ['response_format', 'json_schema', 'schema']);
  optionalBoolean(checker, schema, 'strict', ['response_format', 'json_schema']);
}
