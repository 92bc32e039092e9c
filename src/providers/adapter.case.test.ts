import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseConfig } from '../config/parse-config.ts';
import type { CanonicalRequest } from '../protocols/canonical/request.ts';
import type { CanonicalStreamEvent } from '../protocols/canonical/stream-event.ts';
import { parseSse } from '../protocols/sse/sse-parser.ts';
import { createAdapter } from './create-adapter.ts';

// Shared cases every provider adapter must pass, one fixture set per wire family.
const providers = parseConfig('').providers;

interface Case {
  provider: string;
  path: string;
  streamPath: string;
  auth: [string, string];
  response: unknown;
  stream: string;
  error: { status: number; body: unknown; kind: string; message: string };
}

const CASES: Case[] = [
  {
    provider: 'openai',
    path: '/chat/completions',
    streamPath: '/chat/completions',
    auth: ['authorization', 'Bearer k'],
    response: { id: 'c1', object: 'chat.completion', created: 1, model: 'm', choices: [{ index: 0, message: { role: 'assistant', content: 'Hi' }, finish_reason: 'stop' }], usage: { prompt_tokens: 7, completion_tokens: 2, total_tokens: 9 } },
    stream: [
      'data: {"id":"c1","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"role":"assistant","content":"Hi"},"finish_reason":null}]}',
      'data: {"id":"c1","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{},"finish_reason":"stop"}]}',
      'data: {"id":"c1","object":"chat.completion.chunk","created":1,"model":"m","choices":[],"usage":{"prompt_tokens":7,"completion_tokens":2,"total_tokens":9}}',
      'data: [DONE]',
    ].join('\n\n'),
    error: { status: 429, body: { error: { message: 'Slow down', type: 'requests', param: null, code: 'rate_limit_exceeded' } }, kind: 'rate_limit', message: 'Slow down' },
  },
  {
    provider: 'deepseek',
    path: '/chat/completions',
    streamPath: '/chat/completions',
    auth: ['authorization', 'Bearer k'],
    response: { id: 'c1', object: 'chat.completion', created: 1, model: 'm', choices: [{ index: 0, message: { role: 'assistant', content: 'Hi' }, finish_reason: 'stop' }], usage: { prompt_tokens: 7, completion_tokens: 2, total_tokens: 9, prompt_cache_hit_tokens: 0, prompt_cache_miss_tokens: 7 } },
    stream: [
      'data: {"id":"c1","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"role":"assistant","content":"Hi"},"finish_reason":"stop"}],"usage":{"prompt_tokens":7,"completion_tokens":2,"total_tokens":9,"prompt_cache_hit_tokens":0,"prompt_cache_miss_tokens":7}}',
      'data: [DONE]',
    ].join('\n\n'),
    error: { status: 402, body: { error: { message: 'Insufficient Balance', type: 'unknown_error', param: null, code: 'invalid_request_error' } }, kind: 'insufficient_quota', message: 'Insufficient Balance' },
  },
  {
    provider: 'anthropic',
    path: '/v1/messages',
    streamPath: '/v1/messages',
    auth: ['x-api-key', 'k'],
    response: { id: 'msg_1', type: 'message', role: 'assistant', model: 'm', content: [{ type: 'text', text: 'Hi' }], stop_reason: 'end_turn', stop_sequence: null, usage: { input_tokens: 7, output_tokens: 2 } },
    stream: [
      'event: message_start\ndata: {"type":"message_start","message":{"id":"msg_1","type":"message","role":"assistant","model":"m","content":[],"stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":7,"output_tokens":1}}}',
      'event: content_block_start\ndata: {"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}',
      'event: content_block_delta\ndata: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Hi"}}',
      'event: content_block_stop\ndata: {"type":"content_block_stop","index":0}',
      'event: message_delta\ndata: {"type":"message_delta","delta":{"stop_reason":"end_turn","stop_sequence":null},"usage":{"output_tokens":2}}',
      'event: message_stop\ndata: {"type":"message_stop"}',
    ].join('\n\n'),
    error: { status: 529, body: { type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } }, kind: 'overloaded', message: 'Overloaded' },
  },
  {
    provider: 'gemini',
    path: '/v1beta/models/gemini-2.0-flash:generateContent',
    streamPath: '/v1beta/models/gemini-2.0-flash:streamGenerateContent?alt=sse',
    auth: ['x-goog-api-key', 'k'],
    response: { candidates: [{ content: { role: 'model', parts: [{ text: 'Hi' }] }, finishReason: 'STOP', index: 0 }], usageMetadata: { promptTokenCount: 7, candidatesTokenCount: 2, totalTokenCount: 9 }, modelVersion: 'm', responseId: 'r1' },
    stream: [
      'data: {"candidates":[{"content":{"role":"model","parts":[{"text":"Hi"}]},"index":0}],"usageMetadata":{"promptTokenCount":7,"totalTokenCount":7},"modelVersion":"m","responseId":"r1"}',
      'data: {"candidates":[{"content":{"role":"model","parts":[{"text":""}]},"finishReason":"STOP","index":0}],"usageMetadata":{"promptTokenCount":7,"candidatesTokenCount":2,"totalTokenCount":9},"modelVersion":"m","responseId":"r1"}',
    ].join('\r\n\r\n'),
    error: { status: 400, body: [{ error: { code: 400, message: 'API key not valid.', status: 'INVALID_ARGUMENT' } }], kind: 'invalid_request', message: 'API key not valid.' },
  },
];

const REQUEST: CanonicalRequest = {
  model: 'gemini-2.0-flash',
  system: [{ type: 'text', text: 'Be brief.' }],
  messages: [{ role: 'user', content: [{ type: 'text', text: 'Hello' }] }],
  maxOutputTokens: 20,
  stream: false,
};

for (const fixture of CASES) {
  const adapter = createAdapter(providers[fixture.provider]!);

  test(`${fixture.provider}: paths and credentials`, () => {
    assert.equal(adapter.chatPath('gemini-2.0-flash', false), fixture.path);
    assert.equal(adapter.chatPath('gemini-2.0-flash', true), fixture.streamPath);
    assert.deepEqual(Object.entries(adapter.authHeaders('k')).find(([name]) => name === fixture.auth[0]), fixture.auth);
  });

  test(`${fixture.provider}: the canonical request is encoded with its system prompt and output cap`, () => {
    const text = JSON.stringify(adapter.encodeRequest(REQUEST).value);
    assert.match(text, /Be brief\./);
    assert.match(text, /Hello/);
    assert.match(text, /20/);
    const streamed = adapter.encodeRequest({ ...REQUEST, stream: true }).value as Record<string, unknown>;
    if (adapter.protocol === 'openai-chat') assert.deepEqual(streamed['stream_options'], { include_usage: true }, 'a stream always asks for usage');
  });

  test(`${fixture.provider}: a whole answer decodes with its usage normalized`, () => {
    const response = adapter.decodeResponse(fixture.response).value;
    assert.equal(response.choices[0]?.content[0]?.type, 'text');
    assert.equal(response.choices[0]?.stopReason, 'end_turn');
    assert.equal(response.usage!.buckets.input + response.usage!.buckets.cacheRead, 7);
    assert.equal(response.usage!.buckets.output, 2);
  });

  test(`${fixture.provider}: a stream decodes to text, usage and a proper end`, () => {
    const decoder = adapter.createStreamDecoder();
    const events: CanonicalStreamEvent[] = [];
    for (const event of parseSse(`${fixture.stream}\n\n`)) events.push(...decoder.push(event));
    events.push(...decoder.end());
    assert.ok(events.some((event) => event.type === 'text_delta' && event.text === 'Hi'));
    const usage = events.filter((event) => event.type === 'usage').at(-1);
    assert.equal(usage?.type === 'usage' && usage.usage.buckets.output, 2);
    assert.equal(events.at(-1)?.type, 'response_end');
  });

  test(`${fixture.provider}: errors are read in the provider's shape, anything else from the status`, () => {
    assert.deepEqual(adapter.readError(fixture.error.status, fixture.error.body), { kind: fixture.error.kind, message: fixture.error.message });
    assert.deepEqual(adapter.readError(502, '<html>Bad gateway</html>'), { kind: 'server', message: '<html>Bad gateway</html>' });
    assert.deepEqual(adapter.readError(503, undefined), { kind: 'unavailable', message: 'the upstream provider answered HTTP 503' });
  });

  if (adapter.passthrough !== undefined) {
    test(`${fixture.provider}: the same-protocol body changes only where it must`, () => {
      const passthrough = adapter.passthrough!;
      const bytes = (body: unknown) => Buffer.from(JSON.stringify(body));
      const unchanged = { model: 'm', messages: [] };
      const unchangedBytes = bytes(unchanged);
      assert.equal(passthrough.prepare(unchanged, unchangedBytes, 'm'), unchangedBytes, 'the client\'s own bytes');
      const renamed: Record<string, unknown> = { model: 'alias', messages: [], stream: true };
      const sent = JSON.parse(String(passthrough.prepare(renamed, bytes(renamed), 'm')));
      assert.equal(sent.model, 'm');
      assert.deepEqual(sent, renamed, 'the parsed body is kept in step');
      if (adapter.protocol === 'openai-chat') assert.deepEqual(sent.stream_options, { include_usage: true });
      assert.equal(passthrough.readUsage(fixture.response)?.buckets.output, 2);
    });
  }
}
