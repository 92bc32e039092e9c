import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AnthropicStreamDecoder } from '../../protocols/anthropic-messages/stream-decoder.ts';
import { OpenAIChatStreamEncoder } from '../../protocols/openai-chat/stream-encoder.ts';
import { AnthropicStreamTap } from '../../providers/anthropic/anthropic-stream-tap.ts';
import { ANTHROPIC_MESSAGES_CLIENT } from '../client-protocols/anthropic-messages-client.ts';
import { PassthroughStreamRelay } from './passthrough-stream-relay.ts';
import { TranslatedStreamRelay } from './translated-stream-relay.ts';

const event = (name: string, data: unknown) => ({ event: name, data: JSON.stringify(data), id: undefined });
const START = event('message_start', { type: 'message_start', message: { id: 'msg_1', type: 'message', role: 'assistant', model: 'claude-sonnet-4-6', content: [], stop_reason: null, stop_sequence: null, usage: { input_tokens: 9, output_tokens: 1 } } });
const BLOCK = event('content_block_start', { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } });
const DELTA = event('content_block_delta', { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: 'Hello' } });

test('same protocol: events go out as they came, and a cut stream ends with an error event', () => {
  const relay = new PassthroughStreamRelay(new AnthropicStreamTap(), ANTHROPIC_MESSAGES_CLIENT);
  assert.equal(relay.push(DELTA), `event: content_block_delta\ndata: ${DELTA.data}\n\n`);
  assert.equal(relay.contentStarted, true);
  const closing = relay.finish();
  assert.match(closing, /^event: error\ndata: \{"type":"error","error":\{"type":"api_error","message":"The upstream stream ended before it was complete\."\}\}\n\n$/);
  assert.equal(relay.errorClass, 'stream_interrupted');
});

test('same protocol: a stream that ended properly needs nothing more', () => {
  const relay = new PassthroughStreamRelay(new AnthropicStreamTap(), ANTHROPIC_MESSAGES_CLIENT);
  relay.push(START);
  relay.push(event('message_stop', { type: 'message_stop' }));
  assert.equal(relay.finish(), '');
  assert.equal(relay.errorClass, null);
  assert.equal(relay.usage()?.buckets.input, 9);
});

test('translated: Anthropic events become OpenAI chunks; a transport failure becomes an OpenAI error chunk', () => {
  const relay = new TranslatedStreamRelay(new AnthropicStreamDecoder(), new OpenAIChatStreamEncoder({ includeUsage: false }), { id: 'fallback', model: 'fallback' });
  let text = relay.push(START) + relay.push(BLOCK) + relay.push(DELTA);
  assert.match(text, /"model":"claude-sonnet-4-6"/);
  assert.match(text, /"delta":\{"content":"Hello"\}/);
  assert.equal(relay.contentStarted, true);
  text = relay.fail('timeout', 'provider "anthropic" sent nothing for 300 ms', 'upstream_idle_timeout');
  assert.deepEqual(JSON.parse(text.slice('data: '.length)), { error: { message: 'provider "anthropic" sent nothing for 300 ms', type: 'server_error', param: null, code: null } });
  assert.equal(relay.errorClass, 'upstream_idle_timeout');
  assert.equal(relay.usage()?.buckets.input, 9, 'the usage seen before the failure is kept');
});

test('translated: an upstream that stops before its terminal event is a cut stream', () => {
  const relay = new TranslatedStreamRelay(new AnthropicStreamDecoder(), new OpenAIChatStreamEncoder({ includeUsage: true }), { id: 'fallback', model: 'fallback' });
  relay.push(START);
  relay.push(BLOCK);
  assert.match(relay.finish(), /"error":\{/);
  assert.equal(relay.errorClass, 'stream_interrupted');
});
