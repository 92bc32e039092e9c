import { test } from 'node:test';
import assert from 'node:assert/strict';
import { anthropicToolRunnerRecordings } from '../test-support/fixtures.ts';
import { rejection } from '../test-support/rejection.ts';
import { validateAnthropicCountTokensRequest, validateAnthropicMessagesRequest } from './validate-request.ts';

const valid = { model: 'claude-opus-4-8', max_tokens: 100, messages: [{ role: 'user', content: 'Hi' }] };

test('every recorded ToolRunner request (tools, tool_use / tool_result turns) is accepted', () => {
  const recordings = anthropicToolRunnerRecordings();
  assert.equal(recordings.length, 10);
  for (const { body } of recordings) assert.equal(validateAnthropicMessagesRequest(body), body);
});

test('a request with system blocks, cache_control ttl, images, thinking and tool_choice is accepted', () => {
  const request = {
    ...valid,
    max_tokens: 4000,
    system: [{ type: 'text', text: 'You are terse.', cache_control: { type: 'ephemeral', ttl: '1h' } }],
    messages: [
      { role: 'user', content: [{ type: 'image', source: { type: 'base64', media_type: 'image/png', data: 'AAAA' } }, { type: 'text', text: 'Describe.' }] },
      { role: 'assistant', content: [{ type: 'thinking', thinking: 'Hmm.', signature: 'sig' }, { type: 'redacted_thinking', data: 'xyz' }, { type: 'text', text: 'A cat.' }] },
      { role: 'user', content: 'Thanks' },
    ],
    thinking: { type: 'enabled', budget_tokens: 2048 },
    tool_choice: { type: 'auto', disable_parallel_tool_use: true },
    tools: [{ name: 'look', input_schema: { type: 'object' }, cache_control: { type: 'ephemeral' } }, { type: 'web_search_20250305', name: 'web_search', max_uses: 2 }],
    stop_sequences: ['END'],
    metadata: { user_id: 'user-7' },
    stream: true,
  };
  assert.equal(validateAnthropicMessagesRequest(request), request);
});

test('missing max_tokens: 400 with Anthropic\'s exact body, request_id when given', () => {
  const { max_tokens: _omitted, ...body } = valid;
  assert.deepEqual(
    rejection(() => validateAnthropicMessagesRequest(body, { requestId: 'req_011' })),
    { status: 400, code: 'FRUGAL_INVALID_REQUEST', body: { type: 'error', error: { type: 'invalid_request_error', message: 'max_tokens: Field required' }, request_id: 'req_011' } },
  );
});

test('type, value, range and extra-field errors are worded like the API', () => {
  const message = (body: unknown) => (rejection(() => validateAnthropicMessagesRequest(body)).body as { error: { message: string } }).error.message;
  assert.equal(message({ ...valid, max_tokens: 'ten' }), 'max_tokens: Input should be a valid integer');
  assert.equal(message({ ...valid, messages: [{ role: 'bot', content: 'x' }] }), "messages.0.role: Input should be 'user', 'assistant' or 'system'");
  assert.equal(message({ ...valid, temperature: 1.5 }), 'temperature: Input should be less than or equal to 1');
  assert.equal(message({ ...valid, frequency_penalty: 1 }), 'frequency_penalty: Extra inputs are not permitted');
  assert.equal(message({ ...valid, messages: [] }), 'messages: at least one message is required');
  assert.equal(
    message({ ...valid, thinking: { type: 'enabled', budget_tokens: 512 } }),
    'thinking.budget_tokens: Input should be greater than or equal to 1024',
  );
  assert.match(message({ ...valid, thinking: { type: 'enabled', budget_tokens: 2048 } }), /^`max_tokens` must be greater than `thinking.budget_tokens`/);
  assert.equal(
    message({ ...valid, messages: [{ role: 'user', content: [] }, { role: 'user', content: 'x' }] }),
    'messages.0: all messages must have non-empty content except for the optional final assistant message',
  );
  assert.equal(message({ ...valid, system: [{ type: 'text', text: 'x', cache_control: { type: 'ephemeral', ttl: '2h' } }] }), "system.0.cache_control.ttl: Input should be '5m' or '1h'");
});

test('count_tokens takes the prompt without max_tokens and rejects generation fields', () => {
  const { max_tokens: _omitted, ...body } = valid;
  assert.equal(validateAnthropicCountTokensRequest(body), body);
  const rejected = rejection(() => validateAnthropicCountTokensRequest({ ...body, stream: true }));
  assert.deepEqual(rejected.body, { type: 'error', error: { type: 'invalid_request_error', message: 'stream: Extra inputs are not permitted' } });
});
