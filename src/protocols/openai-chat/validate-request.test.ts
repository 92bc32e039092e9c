import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rejection } from '../test-support/rejection.ts';
import { validateOpenAIChatRequest } from './validate-request.ts';

const valid = { model: 'gpt-4o', messages: [{ role: 'user', content: 'Hi' }] };

test('a full request with every modelled field is accepted as it is', () => {
  const request = {
    model: 'gpt-4o',
    messages: [
      { role: 'developer', content: 'Be brief.' },
      { role: 'user', content: [{ type: 'text', text: 'What is this?' }, { type: 'image_url', image_url: { url: 'data:image/png;base64,AAAA', detail: 'low' } }] },
      { role: 'assistant', content: null, tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'look', arguments: '{}' } }] },
      { role: 'tool', tool_call_id: 'call_1', content: 'a cat' },
    ],
    tools: [{ type: 'function', function: { name: 'look', parameters: { type: 'object', properties: {} }, strict: true } }],
    tool_choice: { type: 'function', function: { name: 'look' } },
    response_format: { type: 'json_schema', json_schema: { name: 'answer', schema: { type: 'object' }, strict: true } },
    n: 2,
    stop: ['END'],
    max_completion_tokens: 500,
    reasoning_effort: 'low',
    service_tier: 'flex',
    stream: true,
    stream_options: { include_usage: true },
    prompt_cache_key: 'tenant-42',
    user: 'user-7',
    metadata: { feature: 'search' },
  };
  assert.equal(validateOpenAIChatRequest(request), request);
});

test('missing messages: 400 with OpenAI\'s exact body', () => {
  assert.deepEqual(rejection(() => validateOpenAIChatRequest({ model: 'gpt-4o' })), {
    status: 400,
    code: 'FRUGAL_INVALID_REQUEST',
    body: { error: { message: "Missing required parameter: 'messages'.", type: 'invalid_request_error', param: 'messages', code: 'missing_required_parameter' } },
  });
});

test('wrong types, values and ranges name the parameter the way OpenAI does', () => {
  assert.deepEqual(rejection(() => validateOpenAIChatRequest({ ...valid, messages: [{ role: 'user', content: 42 }] })).body, {
    error: {
      message: "Invalid type for 'messages[0].content': expected one of a string or array of objects, but got an integer instead.",
      type: 'invalid_request_error',
      param: 'messages[0].content',
      code: 'invalid_type',
    },
  });
  assert.deepEqual(rejection(() => validateOpenAIChatRequest({ ...valid, messages: [{ role: 'robot', content: 'x' }] })).body, {
    error: {
      message: "Invalid value: 'robot'. Supported values are: 'system', 'assistant', 'user', 'function', 'tool', and 'developer'.",
      type: 'invalid_request_error',
      param: 'messages[0].role',
      code: 'invalid_value',
    },
  });
  assert.deepEqual(rejection(() => validateOpenAIChatRequest({ ...valid, temperature: 3 })).body, {
    error: {
      message: "Invalid 'temperature': decimal above maximum value. Expected a value <= 2, but got 3 instead.",
      type: 'invalid_request_error',
      param: 'temperature',
      code: 'decimal_above_max_value',
    },
  });
  assert.deepEqual(rejection(() => validateOpenAIChatRequest({ ...valid, n: 0 })).body.error.code, 'integer_below_min_value');
  assert.deepEqual(rejection(() => validateOpenAIChatRequest({ ...valid, messages: [] })).body, {
    error: {
      message: "Invalid 'messages': empty array. Expected an array with minimum length 1, but got an empty array instead.",
      type: 'invalid_request_error',
      param: 'messages',
      code: 'empty_array',
    },
  });
  assert.equal(rejection(() => validateOpenAIChatRequest({ ...valid, stop: ['a', 'b', 'c', 'd', 'e'] })).body.error.code, 'array_above_max_length');
});

test('unknown fields are rejected like api.openai.com, and allowed for OpenAI-compatible hosts', () => {
  assert.deepEqual(rejection(() => validateOpenAIChatRequest({ ...valid, top_k: 40 })).body, {
    error: { message: 'Unrecognized request argument supplied: top_k', type: 'invalid_request_error', param: null, code: null },
  });
  assert.equal(validateOpenAIChatRequest({ ...valid, top_k: 40 }, { unknownFields: 'allow' }).top_k, 40);
});

test('stream_options without stream and tool_choice without tools are rejected', () => {
  assert.equal(rejection(() => validateOpenAIChatRequest({ ...valid, stream_options: { include_usage: true } })).body.error.param, 'stream_options');
  assert.equal(rejection(() => validateOpenAIChatRequest({ ...valid, tool_choice: 'required' })).body.error.param, 'tool_choice');
});

test('a non-object body is a parse error', () => {
  assert.equal(rejection(() => validateOpenAIChatRequest('hello')).status, 400);
});
