import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import { ledgerRow, startGatewayOnly } from './support/start-stack.ts';
import { startRecordingUpstream, type Answer } from './support/recording-upstream.ts';

// Providers that answer what no API should: the client still gets a proper error in its
// protocol, the ledger still gets the attempt, and the gateway keeps serving.
let next: Answer = { status: 200, body: '{}' };
const upstream = await startRecordingUpstream(() => next);
after(() => upstream.close());

const gateway = await startGatewayOnly(
  ['providers:', `  openai: { baseUrl: ${upstream.url}/v1 }`, '  gone: { type: openai-compatible, baseUrl: "http://127.0.0.1:9/v1", apiKeyEnv: GONE_KEY }'].join('\n'),
  { OPENAI_API_KEY: 'sk-operator-key-1234', GONE_KEY: 'gone-key' },
);
after(() => gateway.close());

async function failure(promise: Promise<unknown>) {
  const error = await promise.then(
    () => assert.fail('expected the call to fail'),
    (caught: unknown) => caught as Error & { status?: number; headers?: Headers },
  );
  return { error, row: await ledgerRow(gateway, error.headers?.get('x-frugal-request-id') ?? null) };
}

test('a 200 whose body is not JSON is a 502 for the client', async () => {
  next = { status: 200, body: '<html>maintenance</html>', headers: { 'content-type': 'text/html' } };
  const { error, row } = await failure(gateway.openai('x').chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] }));
  assert.ok(error instanceof OpenAI.InternalServerError);
  assert.equal(error.status, 502);
  assert.equal(row.request.errorClass, 'upstream_invalid_response');
  assert.equal(row.attempts[0]!.status, 200);
});

test('a 200 that is not the protocol\'s answer is a 502 in the client\'s protocol', async () => {
  next = { status: 200, body: '{"unexpected": true}' };
  const { error, row } = await failure(gateway.anthropic('x').messages.create({ model: 'gpt-4o-mini', max_tokens: 5, messages: [{ role: 'user', content: 'hi' }] }));
  assert.ok(error instanceof Anthropic.InternalServerError);
  assert.equal(error.status, 502);
  assert.match(error.message, /a body that is no openai-chat answer/);
  assert.equal(row.request.errorClass, 'upstream_invalid_response');
});

test('a proxy\'s HTML error page passes on its status with its text as the message', async () => {
  next = { status: 502, body: 'Bad Gateway', headers: { 'content-type': 'text/plain' } };
  const { error, row } = await failure(gateway.openai('x').chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] }));
  assert.equal(error.status, 502);
  assert.match(error.message, /Bad Gateway/);
  assert.equal(row.request.errorClass, 'upstream_server');
});

test('a provider nobody listens for is a 502 naming the provider, not its address', async () => {
  const { error, row } = await failure(gateway.openai('x').chat.completions.create({ model: 'gone/some-model', messages: [{ role: 'user', content: 'hi' }] }));
  assert.equal(error.status, 502);
  assert.match(error.message, /provider "gone" could not be reached/);
  assert.doesNotMatch(error.message, /127\.0\.0\.1|:9/);
  assert.equal(row.request.errorClass, 'upstream_unreachable');
  assert.equal(row.request.cost.complete, true);
});

test('and then it serves as before', async () => {
  next = { status: 200, body: JSON.stringify({ id: 'c', object: 'chat.completion', created: 1, model: 'gpt-4o-mini', choices: [{ index: 0, message: { role: 'assistant', content: 'ok' }, finish_reason: 'stop' }], usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 } }) };
  const completion = await gateway.openai('x').chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] });
  assert.equal(completion.choices[0]!.message.content, 'ok');
  assert.deepEqual(gateway.logs, []);
});
