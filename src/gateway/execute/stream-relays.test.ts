import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AnthropicStreamDecoder } from '../../protocols/anthropic-messages/stream-decoder.ts';
import { OpenAIChatStreamEncoder } from '../../protocols/openai-chat/stream-encoder.ts';
import { AnthropicStreamTap } from '../../providers/anthropic/anthropic-stream-tap.ts';
import { OpenAIStreamTap } from '../../providers/openai/openai-stream-tap.ts';
import { ANTHROPIC_MESSAGES_CLIENT } from '../client-protocols/anthropic-messages-client.ts';
import { OPENAI_CHAT_CLIENT } from '../client-protocols/openai-chat-client.ts';
import { PassthroughStreamRelay } from './passthrough-stream-relay.ts';
import { TranslatedStreamRelay } from './translated-stream-relay.ts';

const event = (name: string, data: unknown) => `event: ${name}\ndata: ${JSON.stringify(data)}\n\n`;
const START = event('message_start', { type: 'message_start', message: { id: 'msg_1', type: 'message', role: 'assistant', model: 'claude-sonnet-4-6', content: [], stop_reason: null, stop_sequence: null, usage: { input_tokens: 9, output_tokens: 1 } } });
const BLOCK = event('content_block_start', { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } });
const DELTA = event('content_block_delta', { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: 'Hello' } });
const STOP = event('message_stop', { type: 'message_stop' });
const bytes = (text: string) => Buffer.from(text);

test('same protocol: whole events go out byte for byte as they came; a part of one waits for the rest', () => {
  const relay = new PassthroughStreamRelay(new AnthropicStreamTap(), ANTHROPIC_MESSAGES_CLIENT, 'anthropic');
  const cut = START.length + 10;
  assert.equal(String(relay.push(bytes((START + DELTA).slice(0, cut)))), START);
  assert.equal(relay.contentStarted, false);
  assert.equal(String(relay.push(bytes((START + DELTA).slice(cut)))), DELTA);
  assert.equal(relay.contentStarted, true);
  assert.equal(relay.usage()?.buckets.input, 9);
});

test('same protocol: a cut stream ends with an error event after the last whole event, never inside one', () => {
  const relay = new PassthroughStreamRelay(new AnthropicStreamTap(), ANTHROPIC_MESSAGES_CLIENT, 'anthropic');
  assert.equal(String(relay.push(bytes(DELTA + DELTA.slice(0, 30)))), DELTA);
  const closing = String(relay.finish());
  assert.ok(closing.startsWith(DELTA.slice(0, 30)), 'the last event, without its blank line, is completed');
  assert.match(closing, /\n\nevent: error\ndata: \{"type":"error","error":\{"type":"api_error","message":"The upstream stream ended before it was complete\."\}\}\n\n$/);
  assert.equal(relay.errorClass, 'stream_interrupted');
});

test('same protocol: a stream that ended properly needs nothing more, even without its last blank line', () => {
  const relay = new PassthroughStreamRelay(new AnthropicStreamTap(), ANTHROPIC_MESSAGES_CLIENT, 'anthropic');
  relay.push(bytes(START));
  relay.push(bytes(STOP.slice(0, -1)));
  assert.equal(String(relay.finish()), STOP);
  assert.equal(relay.errorClass, null);
  assert.equal(relay.stopped, false);
});

test('same protocol: the usage chunk the client did not ask for is left out, the events around it kept', () => {
  const chunk = (data: string) => `data: ${data}\r\n\r\n`;
  const text = chunk('{"choices":[{"index":0,"delta":{"content":"Hi"}}],"usage":null}');
  const usage = chunk('{"choices":[],"usage":{"prompt_tokens":3,"completion_tokens":1,"total_tokens":4}}');
  const relay = new PassthroughStreamRelay(new OpenAIStreamTap('openai', false), OPENAI_CHAT_CLIENT, 'openai');
  assert.equal(String(relay.push(bytes(text + usage + chunk('[DONE]')))), text + chunk('[DONE]'));
  assert.deepEqual(relay.usage()?.buckets, { input: 3, cacheRead: 0, cacheWrite5m: 0, cacheWrite1h: 0, output: 1, reasoning: 0 });
  assert.equal(String(relay.finish()), '');
});

test('same protocol: an event that cannot be read stops the relay after the events before it', () => {
  const relay = new PassthroughStreamRelay(new AnthropicStreamTap(), ANTHROPIC_MESSAGES_CLIENT, 'anthropic');
  const output = String(relay.push(bytes(`${DELTA}event: message_delta\ndata: {not json\n\n${DELTA}`)));
  assert.ok(output.startsWith(DELTA));
  assert.match(output.slice(DELTA.length), /^event: error\ndata: .*Provider \\"anthropic\\" sent a stream event that could not be read/);
  assert.equal(relay.stopped, true);
  assert.equal(relay.errorClass, 'upstream_invalid_response');
});

test('translated: Anthropic events become OpenAI chunks; a transport failure becomes an OpenAI error chunk', () => {
  const relay = new TranslatedStreamRelay(new AnthropicStreamDecoder(), new OpenAIChatStreamEncoder({ includeUsage: false }), { id: 'fallback', model: 'fallback' }, 'anthropic');
  let text = relay.push(bytes(START + BLOCK + DELTA.slice(0, 20)));
  text += relay.push(bytes(DELTA.slice(20)));
  assert.match(text, /"model":"claude-sonnet-4-6"/);
  assert.match(text, /"delta":\{"content":"Hello"\}/);
  assert.equal(relay.contentStarted, true);
  text = relay.fail('timeout', 'provider "anthropic" sent nothing for 300 ms', 'upstream_idle_timeout');
  assert.deepEqual(JSON.parse(text.slice('data: '.length)), { error: { message: 'provider "anthropic" sent nothing for 300 ms', type: 'server_error', param: null, code: null } });
  assert.equal(relay.errorClass, 'upstream_idle_timeout');
  assert.equal(relay.usage()?.buckets.input, 9, 'the usage seen before the failure is kept');
});

test('translated: an upstream that stops before its terminal event is a cut stream', () => {
  const relay = new TranslatedStreamRelay(new AnthropicStreamDecoder(), new OpenAIChatStreamEncoder({ includeUsage: true }), { id: 'fallback', model: 'fallback' }, 'anthropic');
  relay.push(bytes(START + BLOCK));
  assert.match(relay.finish(), /"error":\{/);
  assert.equal(relay.errorClass, 'stream_interrupted');
});
