import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Lever } from '../../src/gateway/levers/lever.ts';
import { ledgerRow, startGatewayOnly } from './support/start-stack.ts';
import { chatCompletion, startRecordingUpstream } from './support/recording-upstream.ts';

// What goes upstream on the same-protocol path, seen by a recording stand-in provider.
const USAGE_CHUNK = 'data: {"id":"c1","object":"chat.completion.chunk","created":1,"model":"gpt-4o-mini","choices":[],"usage":{"prompt_tokens":9,"completion_tokens":2,"total_tokens":11}}\n\n';
const STREAM = [
  'data: {"id":"c1","object":"chat.completion.chunk","created":1,"model":"gpt-4o-mini","choices":[{"index":0,"delta":{"role":"assistant","content":""},"finish_reason":null}],"usage":null}\n\n',
  'data: {"id":"c1","object":"chat.completion.chunk","created":1,"model":"gpt-4o-mini","choices":[{"index":0,"delta":{"content":"Hi there"},"finish_reason":null}],"usage":null}\n\n',
  'data: {"id":"c1","object":"chat.completion.chunk","created":1,"model":"gpt-4o-mini","choices":[{"index":0,"delta":{},"finish_reason":"stop"}],"usage":null}\n\n',
  USAGE_CHUNK,
  'data: [DONE]\n\n',
].join('');
const ANTHROPIC_MESSAGE = JSON.stringify({
  id: 'msg_1', type: 'message', role: 'assistant', model: 'claude-sonnet-4-6', content: [{ type: 'text', text: 'Hi' }],
  stop_reason: 'end_turn', stop_sequence: null, usage: { input_tokens: 12, output_tokens: 3 },
});

// CRLF line ends, a comment and an id, cut into pieces inside events and between a CR and its LF.
const CRLF_USAGE = 'data: {"id":"c2","object":"chat.completion.chunk","created":1,"model":"gpt-4o-mini","choices":[],"usage":{"prompt_tokens":7,"completion_tokens":3,"total_tokens":10}}\r\n\r\n';
const CRLF_STREAM = [
  ': upstream keep-alive\r\n\r\n',
  'id: 1\r\ndata: {"id":"c2","object":"chat.completion.chunk","created":1,"model":"gpt-4o-mini","choices":[{"index":0,"delta":{"role":"assistant","content":"Hé"},"finish_reason":null}],"usage":null}\r\n\r\n',
  'data: {"id":"c2","object":"chat.completion.chunk","created":1,"model":"gpt-4o-mini","choices":[{"index":0,"delta":{},"finish_reason":"stop"}],"usage":null}\r\n\r\n',
  CRLF_USAGE,
  'data: [DONE]\r\n\r\n',
].join('');
const CRLF_PIECES = [CRLF_STREAM.slice(0, 40), CRLF_STREAM.slice(40, 75), CRLF_STREAM.slice(75, CRLF_STREAM.indexOf('\r\n\r\n', 100) + 3), CRLF_STREAM.slice(CRLF_STREAM.indexOf('\r\n\r\n', 100) + 3)];

const upstream = await startRecordingUpstream((request) => {
  if (request.path.startsWith('/v1/messages')) return { status: 200, body: ANTHROPIC_MESSAGE };
  if (JSON.parse(request.body).user === 'pieces') return { status: 200, body: CRLF_PIECES, headers: { 'content-type': 'text/event-stream' } };
  const stream = JSON.parse(request.body).stream === true;
  return stream ? { status: 200, body: STREAM, headers: { 'content-type': 'text/event-stream' } } : { status: 200, body: chatCompletion('gpt-4o-mini') };
});
after(() => upstream.close());

const capOutput: Lever = {
  name: 'test-output-cap',
  apply(call) {
    if (call.attribution.feature === 'capped') call.rewrite({ ...call.canonical, maxOutputTokens: 7 });
  },
};

const gateway = await startGatewayOnly(
  [
    'providers:',
    `  openai: { baseUrl: ${upstream.url}/v1 }`,
    `  anthropic: { baseUrl: ${upstream.url} }`,
    'models:',
    '  fast: { provider: openai, model: gpt-4o-mini }',
  ].join('\n'),
  { OPENAI_API_KEY: 'sk-test-operator', ANTHROPIC_API_KEY: 'sk-ant-test-operator' },
  [capOutput],
);
after(() => gateway.close());

function post(path: string, body: string, headers: Record<string, string> = {}) {
  return fetch(`${gateway.gateway.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer x', ...headers }, body });
}

test('the client\'s bytes go upstream untouched, unknown fields and spacing included', async () => {
  const body = '{"model": "gpt-4o-mini",  "messages": [{"role": "user", "content": "hi"}], "x_vendor_field": {"keep": true}}';
  const response = await post('/v1/chat/completions', body);
  assert.equal(response.status, 200);
  assert.equal(response.headers.get('content-length'), String(Buffer.byteLength(chatCompletion('gpt-4o-mini'))), 'a whole answer has its length, not chunked encoding');
  assert.equal(response.headers.get('transfer-encoding'), null);
  assert.equal(await response.text(), chatCompletion('gpt-4o-mini'), 'the answer comes back byte for byte');
  assert.equal(upstream.requests.at(-1)!.body, body);
});

test('a stream arriving in awkward pieces goes back byte for byte: line ends, comments and ids as sent', async () => {
  const body = '{"model": "gpt-4o-mini", "stream": true, "user": "pieces", "messages": [{"role": "user", "content": "hi"}]}';
  const response = await post('/v1/chat/completions', body);
  assert.equal(upstream.requests.at(-1)!.body, `{"stream_options":{"include_usage":true},${body.slice(1)}`, 'usage asked for, nothing else touched');
  assert.equal(await response.text(), CRLF_STREAM.replace(CRLF_USAGE, ''));
  const row = await ledgerRow(gateway, response.headers.get('x-frugal-request-id'));
  assert.equal(row.request.usage.input, 7);
  assert.equal(row.request.usage.output, 3);
  assert.equal(row.request.errorClass, null);
});

test('an alias only renames the model', async () => {
  const response = await post('/v1/chat/completions', JSON.stringify({ model: 'fast', messages: [{ role: 'user', content: 'hi' }], x_vendor_field: 1 }));
  assert.equal(response.status, 200);
  assert.deepEqual(JSON.parse(upstream.requests.at(-1)!.body), { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }], x_vendor_field: 1 });
});

test('a stream asks upstream for usage, and the client gets only what it asked for', async () => {
  const response = await post('/v1/chat/completions', JSON.stringify({ model: 'gpt-4o-mini', stream: true, messages: [{ role: 'user', content: 'hi' }] }));
  assert.deepEqual(JSON.parse(upstream.requests.at(-1)!.body).stream_options, { include_usage: true });
  assert.equal(await response.text(), STREAM.replace(USAGE_CHUNK, ''), 'every event but the usage-only chunk, unchanged');
  const row = await ledgerRow(gateway, response.headers.get('x-frugal-request-id'));
  assert.equal(row.request.usage.input, 9);
  assert.equal(row.request.usage.output, 2);

  const asked = await post('/v1/chat/completions', JSON.stringify({ model: 'gpt-4o-mini', stream: true, stream_options: { include_usage: true }, messages: [{ role: 'user', content: 'hi' }] }));
  assert.equal(await asked.text(), STREAM, 'a client that asked for usage gets the stream exactly as sent');
});

test('a lever that rewrites the request turns the same-protocol path off: the canonical request is encoded', async () => {
  const body = JSON.stringify({ model: 'gpt-4o-mini', max_completion_tokens: 500, messages: [{ role: 'user', content: 'hi' }] });
  const response = await post('/v1/chat/completions', body, { 'x-frugal-feature': 'capped' });
  assert.equal(response.status, 200);
  const sent = JSON.parse(upstream.requests.at(-1)!.body);
  assert.equal(sent.max_completion_tokens, 7);
  assert.deepEqual(sent.messages, [{ role: 'user', content: 'hi' }]);
  const answer = (await response.json()) as { choices: { message: { content: string } }[] };
  assert.equal(answer.choices[0]!.message.content, 'Recorded answer.');
});

test('Anthropic: the client\'s version and beta headers are forwarded with the operator key', async () => {
  const response = await post('/v1/messages', JSON.stringify({ model: 'claude-sonnet-4-6', max_tokens: 10, messages: [{ role: 'user', content: 'hi' }] }), {
    'anthropic-version': '2023-01-01',
    'anthropic-beta': 'prompt-caching-2024-07-31',
    'x-api-key': 'client',
  });
  assert.equal(await response.text(), ANTHROPIC_MESSAGE);
  const headers = upstream.requests.at(-1)!.headers;
  assert.equal(headers['anthropic-beta'], 'prompt-caching-2024-07-31');
  // The client's pinned version wins over the gateway's default.
  assert.equal(headers['anthropic-version'], '2023-01-01');
  assert.equal(headers['x-api-key'], 'sk-ant-test-operator');
  // claude-sonnet-4-6: 12 × 3,000,000 + 3 × 15,000,000 = 81,000,000 pico-USD.
  assert.equal(response.headers.get('x-frugal-cost-usd'), '0.000081');
});
