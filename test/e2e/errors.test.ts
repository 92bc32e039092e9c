import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import { ledgerRow, startStack, type Stack } from './support/start-stack.ts';

// Every failure is answered in the client's protocol with the right status and SDK error
// class; the gateway keeps serving, and the attempt is still in the ledger with its class.
let stack: Stack;
before(async () => {
  stack = await startStack({
    config: ['server:', '  bodyLimitBytes: 4096', '  timeouts: { firstByteMs: 300, idleStreamMs: 300 }'].join('\n'),
    // gpt-4o streams one token every 2 s, far longer than the idle-stream timeout; the other
    // models answer at once. (The pool's timers fire within about half a second of their time.)
    emulator: {
      latency: {
        mode: 'realistic',
        jitter: 0,
        models: {
          'gpt-4o': { timeToFirstTokenMilliseconds: 0, tokensPerSecond: 0.5 },
          'gpt-4o-mini': { timeToFirstTokenMilliseconds: 0, tokensPerSecond: 0 },
          'claude-sonnet-4-6': { timeToFirstTokenMilliseconds: 0, tokensPerSecond: 0 },
          'gpt-4.1-mini': { timeToFirstTokenMilliseconds: 0, tokensPerSecond: 20 },
        },
      },
    },
  });
});
after(() => stack.close());

function script(model: string, ...sequence: ('rate_limit' | 'server_error' | 'overloaded' | 'timeout' | 'stream_cut' | 'stream_error')[]): void {
  stack.emulator.faults.add({ rates: [], scripts: [{ model, sequence }] });
}

async function rejection(promise: Promise<unknown>): Promise<Error & { status?: number; headers?: Headers; error?: unknown }> {
  try {
    await promise;
  } catch (error) {
    return error as Error & { status?: number };
  }
  assert.fail('expected the call to fail');
}

function requestIdOf(error: { headers?: Headers }): string | null {
  return error.headers?.get('x-frugal-request-id') ?? null;
}

test('malformed JSON is answered in each protocol\'s own shape', async () => {
  const openai = await fetch(`${stack.gateway.url}/v1/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"model": "gpt-4o-mini",' });
  assert.equal(openai.status, 400);
  const openaiBody = (await openai.json()) as { error: Record<string, unknown> };
  assert.deepEqual(Object.keys(openaiBody.error).sort(), ['code', 'message', 'param', 'type']);
  assert.equal(openaiBody.error['type'], 'invalid_request_error');
  const row = await ledgerRow(stack, openai.headers.get('x-frugal-request-id'));
  assert.equal(row.request.errorClass, 'invalid_json');
  assert.equal(row.request.status, 400);
  assert.equal(row.attempts.length, 0);

  const anthropic = await fetch(`${stack.gateway.url}/v1/messages`, { method: 'POST', headers: { 'content-type': 'application/json', 'anthropic-version': '2023-06-01' }, body: 'not json' });
  assert.equal(anthropic.status, 400);
  const anthropicBody = (await anthropic.json()) as { type: string; error: { type: string }; request_id: string };
  assert.equal(anthropicBody.type, 'error');
  assert.equal(anthropicBody.error.type, 'invalid_request_error');
  assert.equal(anthropicBody.request_id, anthropic.headers.get('x-frugal-request-id'));
});

test('a body the API would refuse gets that API\'s 400 (BadRequestError in both SDKs)', async () => {
  const openai = await rejection(stack.openai().chat.completions.create({ model: 'gpt-4o-mini', messages: [] }));
  assert.ok(openai instanceof OpenAI.BadRequestError);
  const anthropic = await rejection(stack.anthropic().messages.create({ model: 'claude-sonnet-4-6', max_tokens: 0, messages: [{ role: 'user', content: 'x' }] }));
  assert.ok(anthropic instanceof Anthropic.BadRequestError);
});

test('an unknown model is a 404 that lists the closest names', async () => {
  const openai = await rejection(stack.openai().chat.completions.create({ model: 'gpt-4o-mnii', messages: [{ role: 'user', content: 'x' }] }));
  assert.ok(openai instanceof OpenAI.NotFoundError);
  assert.match(openai.message, /gpt-4o-mnii.*closest: .*gpt-4o-mini/);
  const anthropic = await rejection(stack.anthropic().messages.create({ model: 'claude-sonet-4-6', max_tokens: 10, messages: [{ role: 'user', content: 'x' }] }));
  assert.ok(anthropic instanceof Anthropic.NotFoundError);
  assert.match(anthropic.message, /claude-sonnet-4-6/);
  const row = await ledgerRow(stack, requestIdOf(openai));
  assert.equal(row.request.errorClass, 'unknown_model');
  assert.equal(row.request.modelRequested, 'gpt-4o-mnii');
});

test('an oversized body is refused with 413 before it is read', async () => {
  const big = 'x'.repeat(8_000);
  const openai = await rejection(stack.openai().chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: big }] }));
  assert.ok(openai instanceof OpenAI.APIError);
  assert.equal(openai.status, 413);
  const anthropic = await rejection(stack.anthropic().messages.create({ model: 'claude-sonnet-4-6', max_tokens: 10, messages: [{ role: 'user', content: big }] }));
  assert.ok(anthropic instanceof Anthropic.ContentTooLargeError);
  assert.equal((await ledgerRow(stack, requestIdOf(openai))).request.errorClass, 'request_too_large');
});

test('an upstream 429 passes through with its status and retry-after; the attempt is recorded', async () => {
  script('gpt-4o-mini', 'rate_limit');
  const error = await rejection(stack.openai().chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'x' }] }));
  assert.ok(error instanceof OpenAI.RateLimitError);
  assert.ok(error.headers?.get('retry-after'));
  const row = await ledgerRow(stack, requestIdOf(error));
  assert.equal(row.request.status, 429);
  assert.equal(row.request.errorClass, 'upstream_rate_limit');
  assert.equal(row.attempts[0]!.status, 429);
  assert.equal(row.attempts[0]!.errorClass, 'upstream_rate_limit');
});

test('an upstream 5xx reaches a client of another protocol in that client\'s shape, with the upstream status', async () => {
  script('claude-sonnet-4-6', 'overloaded');
  const error = await rejection(stack.openai().chat.completions.create({ model: 'claude-sonnet-4-6', messages: [{ role: 'user', content: 'x' }] }));
  assert.ok(error instanceof OpenAI.InternalServerError);
  assert.equal(error.status, 529);
  assert.equal((error.error as { type?: string }).type, 'server_error');
  script('gpt-4o-mini', 'server_error');
  const anthropic = await rejection(stack.anthropic().messages.create({ model: 'gpt-4o-mini', max_tokens: 10, messages: [{ role: 'user', content: 'x' }] }));
  assert.ok(anthropic instanceof Anthropic.InternalServerError);
  assert.equal(anthropic.status, 500);
  assert.equal((await ledgerRow(stack, requestIdOf(anthropic))).request.errorClass, 'upstream_server');
});

test('an upstream that never answers times out with 504', async () => {
  script('gpt-4o-mini', 'timeout');
  const error = await rejection(stack.openai().chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'x' }] }));
  assert.ok(error instanceof OpenAI.InternalServerError);
  assert.equal(error.status, 504);
  assert.match(error.message, /firstByteMs/);
  const row = await ledgerRow(stack, requestIdOf(error));
  assert.equal(row.request.errorClass, 'upstream_first_byte_timeout');
  assert.equal(row.attempts[0]!.status, null);
});

test('a stream cut mid-way ends with an error event inside the stream, in the client\'s protocol', async () => {
  script('gpt-4o-mini', 'stream_cut');
  const { data: stream, response } = await stack
    .openai()
    .chat.completions.create({ model: 'gpt-4o-mini', max_tokens: 60, stream: true, messages: [{ role: 'user', content: 'x' }] })
    .withResponse();
  let chunks = 0;
  const error = await rejection((async () => {
    for await (const _chunk of stream) chunks += 1;
  })());
  assert.ok(chunks > 0, 'the stream had started');
  assert.ok(error instanceof OpenAI.APIError);
  const row = await ledgerRow(stack, response.headers.get('x-frugal-request-id'));
  assert.equal(row.request.status, 200);
  assert.equal(row.request.errorClass, 'upstream_connection_lost');

  script('claude-sonnet-4-6', 'stream_cut');
  const cross = stack.openai().chat.completions.create({ model: 'claude-sonnet-4-6', max_tokens: 60, stream: true, messages: [{ role: 'user', content: 'x' }] });
  const crossError = await rejection((async () => {
    for await (const _chunk of await cross);
  })());
  assert.ok(crossError instanceof OpenAI.APIError);
});

test('an Anthropic stream cut mid-way gets one error event, after the events it already had', async () => {
  script('claude-sonnet-4-6', 'stream_cut');
  const stream = stack.anthropic().messages.stream({ model: 'claude-sonnet-4-6', max_tokens: 60, messages: [{ role: 'user', content: 'x' }] });
  const seen: string[] = [];
  stream.on('streamEvent', (event) => void seen.push(event.type));
  const error = await rejection(stream.finalMessage());
  assert.ok(error instanceof Anthropic.APIError);
  assert.equal(seen.filter((type) => type === 'message_start').length, 1);
  assert.equal(seen[0], 'message_start');
});

test('a client that hangs up mid-stream stops the upstream call; the request is recorded as such', async () => {
  const abort = new AbortController();
  const response = await fetch(`${stack.gateway.url}/v1/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ model: 'gpt-4.1-mini', max_tokens: 60, stream: true, messages: [{ role: 'user', content: 'x' }] }),
    signal: abort.signal,
  });
  const reader = response.body!.getReader();
  await reader.read();
  abort.abort();
  const requestId = response.headers.get('x-frugal-request-id');
  let row = await stack.gateway.ledger.getRequest(requestId!);
  for (let waited = 0; row === null && waited < 100; waited += 1) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    await stack.gateway.ledger.flush();
    row = await stack.gateway.ledger.getRequest(requestId!);
  }
  assert.equal(row?.request.errorClass, 'client_disconnected');
  assert.equal(row?.request.status, 200);
  assert.ok(row.request.latencyMs < 2_000, 'the call ended with the client, not after 60 tokens at 20 a second');
});

test('an error event the upstream sends inside a stream reaches the client, and is recorded', async () => {
  script('claude-sonnet-4-6', 'stream_error');
  const stream = stack.anthropic().messages.stream({ model: 'claude-sonnet-4-6', max_tokens: 60, messages: [{ role: 'user', content: 'x' }] });
  const error = await rejection(stream.finalMessage());
  assert.ok(error instanceof Anthropic.APIError);
  assert.match(error.message, /Overloaded/);
  const { response } = await stream.withResponse();
  const row = await ledgerRow(stack, response.headers.get('x-frugal-request-id'));
  assert.equal(row.request.errorClass, 'upstream_stream_error');
  assert.ok(row.request.usage.input > 0, 'the usage sent before the error is kept');
});

test('a stream that goes silent longer than idleStreamMs is ended with an error event', async () => {
  const { data: stream, response } = await stack
    .openai()
    .chat.completions.create({ model: 'gpt-4o', max_tokens: 50, stream: true, messages: [{ role: 'user', content: 'x' }] })
    .withResponse();
  const error = await rejection((async () => {
    for await (const _chunk of stream);
  })());
  assert.ok(error instanceof OpenAI.APIError);
  assert.match(error.message, /idleStreamMs/);
  const row = await ledgerRow(stack, response.headers.get('x-frugal-request-id'));
  assert.equal(row.request.errorClass, 'upstream_idle_timeout');
});

test('after all of that the gateway still serves', async () => {
  const completion = await stack.openai().chat.completions.create({ model: 'gpt-4o-mini', max_tokens: 5, messages: [{ role: 'user', content: 'still there?' }] });
  assert.ok(completion.choices[0]?.message.content);
  assert.deepEqual(stack.logs, [], 'nothing unexpected was logged');
});
