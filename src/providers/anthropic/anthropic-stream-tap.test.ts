import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AnthropicStreamTap } from './anthropic-stream-tap.ts';

/** The tap sees each event as the bytes of its lines and its blank line. */
function event(name: string, data: unknown): Buffer {
  return Buffer.from(`event: ${name}\ndata: ${JSON.stringify(data)}\n\n`);
}

test('usage merges message_start with the cumulative message_delta; content and the end are noted', () => {
  const tap = new AnthropicStreamTap();
  tap.observe(event('message_start', { type: 'message_start', message: { usage: { input_tokens: 5, cache_read_input_tokens: 100, cache_creation_input_tokens: 0, output_tokens: 1 } } }));
  tap.observe(event('content_block_start', { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } }));
  assert.equal(tap.contentStarted, false);
  tap.observe(event('content_block_delta', { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: 'Hi' } }));
  assert.equal(tap.contentStarted, true);
  tap.observe(event('message_delta', { type: 'message_delta', delta: { stop_reason: 'end_turn' }, usage: { output_tokens: 42 } }));
  assert.equal(tap.finished, false);
  assert.equal(tap.observe(event('message_stop', { type: 'message_stop' })), true);
  assert.equal(tap.finished, true);
  assert.deepEqual(tap.usage()?.buckets, { input: 5, cacheRead: 100, cacheWrite5m: 0, cacheWrite1h: 0, output: 42, reasoning: 0 });
});

test('an error event is noted with its kind; nothing is ever left out of the stream', () => {
  const tap = new AnthropicStreamTap();
  assert.equal(tap.observe(event('error', { type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } })), true);
  assert.deepEqual(tap.error, { kind: 'overloaded', message: 'Overloaded' });
  assert.equal(tap.usage(), undefined);
});
