import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FrugalError } from '../../errors/frugal-error.ts';
import { openAIError } from '../../protocols/errors/openai-error-body.ts';
import { protocolError } from '../../protocols/errors/protocol-error.ts';
import { ANTHROPIC_MESSAGES_CLIENT } from '../client-protocols/anthropic-messages-client.ts';
import { OPENAI_CHAT_CLIENT } from '../client-protocols/openai-chat-client.ts';
import { renderError } from './render-error.ts';

function upstreamError(protocol: 'openai-chat' | 'anthropic-messages', status: number, body: string) {
  return new FrugalError('FRUGAL_UPSTREAM_ERROR', 'Overloaded', {
    errorClass: 'upstream_overloaded',
    kind: 'overloaded',
    status,
    upstream: { protocol, status, body: Buffer.from(body), headers: { 'retry-after': '3' } },
  });
}

test('a validation error already in the client\'s shape is sent as the API would send it', () => {
  const { status, body } = openAIError({ kind: 'invalid_request', message: "Invalid 'messages': empty array.", param: 'messages' });
  const answer = renderError(OPENAI_CHAT_CLIENT, 'r1', protocolError('empty', { protocol: 'openai-chat', status, body }), []);
  assert.equal(answer.status, 400);
  assert.deepEqual(JSON.parse(answer.body), body);
  assert.equal(answer.errorClass, 'invalid_request');
});

test('an upstream error in the client\'s own protocol passes through verbatim, secrets redacted', () => {
  const body = JSON.stringify({ type: 'error', error: { type: 'overloaded_error', message: 'Overloaded for key sk-ant-secret-123456' } });
  const answer = renderError(ANTHROPIC_MESSAGES_CLIENT, 'r1', upstreamError('anthropic-messages', 529, body), []);
  assert.equal(answer.status, 529);
  assert.equal(answer.body, body.replace('sk-ant-secret-123456', '[redacted]'));
  assert.deepEqual(answer.headers, { 'retry-after': '3' });
});

test('an upstream error from another protocol keeps its status and message in the client\'s shape', () => {
  const answer = renderError(OPENAI_CHAT_CLIENT, 'r1', upstreamError('anthropic-messages', 529, '{}'), []);
  assert.equal(answer.status, 529);
  assert.deepEqual(JSON.parse(answer.body), { error: { message: 'Overloaded', type: 'server_error', param: null, code: null } });
  assert.equal(answer.errorClass, 'upstream_overloaded');
});

test('a gateway error takes the status of its code and the client\'s shape', () => {
  const error = new FrugalError('FRUGAL_UNKNOWN_MODEL', 'The model `x` is unknown', { errorClass: 'unknown_model' });
  const answer = renderError(ANTHROPIC_MESSAGES_CLIENT, 'req-7', error, []);
  assert.equal(answer.status, 404);
  assert.deepEqual(JSON.parse(answer.body), { type: 'error', error: { type: 'not_found_error', message: 'The model `x` is unknown' }, request_id: 'req-7' });
});

test('an unexpected failure is a 500 that reveals nothing but the request id', () => {
  const answer = renderError(OPENAI_CHAT_CLIENT, 'req-9', new TypeError('cannot read x of undefined at /srv/secret/path.ts'), []);
  assert.equal(answer.status, 500);
  assert.equal(answer.errorClass, 'internal_error');
  assert.doesNotMatch(answer.body, /secret|TypeError/);
  assert.match(answer.body, /req-9/);
});
