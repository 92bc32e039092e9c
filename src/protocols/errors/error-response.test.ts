import { test } from 'node:test';
import assert from 'node:assert/strict';
import { geminiRecording } from '../test-support/fixtures.ts';
import { assertSameShape } from '../test-support/shape.ts';
import { errorKindForStatus } from './error-kind.ts';
import { errorResponse } from './error-response.ts';

test('overload is Anthropic 529 overloaded_error, OpenAI 503 server_error, Gemini 503 UNAVAILABLE', () => {
  assert.deepEqual(errorResponse('anthropic-messages', { kind: 'overloaded', requestId: 'req_1' }), {
    status: 529,
    body: { type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' }, request_id: 'req_1' },
  });
  assert.deepEqual(errorResponse('openai-chat', { kind: 'overloaded' }).status, 503);
  assert.deepEqual(errorResponse('openai-chat', { kind: 'overloaded' }).body, {
    error: { message: 'The engine is currently overloaded, please try again later.', type: 'server_error', param: null, code: null },
  });
  assert.deepEqual(errorResponse('gemini', { kind: 'overloaded' }), {
    status: 503,
    body: { error: { code: 503, message: 'The model is overloaded. Please try again later.', status: 'UNAVAILABLE' } },
  });
});

test('each status renders each provider\'s type names', () => {
  const types = (status: number) => [
    (errorResponse('openai-chat', { status }).body as { error: { type: string; code: string | null } }).error,
    (errorResponse('anthropic-messages', { status }).body as { error: { type: string } }).error.type,
    (errorResponse('gemini', { status }).body as { error: { status: string } }).error.status,
  ];
  assert.deepEqual(types(401), [
    { message: 'Incorrect API key provided. You can find your API key at https://platform.openai.com/account/api-keys.', type: 'invalid_request_error', param: null, code: 'invalid_api_key' },
    'authentication_error',
    'UNAUTHENTICATED',
  ]);
  assert.deepEqual(types(404).slice(1), ['not_found_error', 'NOT_FOUND']);
  assert.deepEqual(types(429).slice(1), ['rate_limit_error', 'RESOURCE_EXHAUSTED']);
  assert.equal((types(429)[0] as { code: string }).code, 'rate_limit_exceeded');
  assert.deepEqual(types(500).slice(1), ['api_error', 'INTERNAL']);
  assert.deepEqual(types(503).slice(1), ['api_error', 'UNAVAILABLE']);
});

test('quota exhaustion is OpenAI 429 insufficient_quota, and an unknown Gemini key is 400 API_KEY_INVALID', () => {
  assert.deepEqual(errorResponse('openai-chat', { kind: 'insufficient_quota' }).status, 429);
  assert.equal((errorResponse('openai-chat', { kind: 'insufficient_quota' }).body as { error: { type: string } }).error.type, 'insufficient_quota');
  const gemini = errorResponse('gemini', { kind: 'authentication' });
  assert.equal(gemini.status, 400);
  assert.equal((gemini.body as { error: { status: string } }).error.status, 'INVALID_ARGUMENT');
});

test('the Gemini error body has the recorded 404 shape', () => {
  const recorded = geminiRecording('Chats_Tests_sendMessage_Send_message_stream_with_error.json');
  const message = 'models/custom-gemini-2.0-flash is not found for API version v1beta, or is not supported for generateContent.';
  const built = errorResponse('gemini', { status: 404, message });
  assert.equal(built.status, recorded.status);
  assertSameShape(built.body, recorded.responseSegments[0], ['details']);
});

test('unknown statuses fall back by class', () => {
  assert.equal(errorKindForStatus(418), 'invalid_request');
  assert.equal(errorKindForStatus(599), 'server');
});
