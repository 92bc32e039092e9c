import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CanonicalStreamEvent } from '../canonical/stream-event.ts';
import { parseSse } from '../sse/sse-parser.ts';
import { readFixture } from '../test-support/fixtures.ts';
import { assertSameShape } from '../test-support/shape.ts';
import { StreamAccumulator } from '../translate/accumulate-stream.ts';
import { AnthropicStreamDecoder } from './stream-decoder.ts';
import { AnthropicStreamEncoder } from './stream-encoder.ts';

/** 2026 recordings: the current shape, compared field for field (the fallback beta's usage.iterations aside). */
const CURRENT = [
  'anthropic/tests_fixtures_fable-fallback_stream-a-refusal.sse',
  'anthropic/tests_fixtures_fable-fallback_stream-a-toolrefusal.sse',
  'anthropic/tests_fixtures_fable-fallback_stream-b-fallback.sse',
];
/** Older recordings predate stop_details, output_tokens_details and the cumulative input counts in message_delta. */
const OLDER = [
  'anthropic/tests_lib_fixtures_basic_response.txt',
  'anthropic/tests_lib_fixtures_tool_use_response.txt',
  'anthropic/tests_lib_fixtures_incomplete_partial_json_response.txt',
];
const OLDER_IGNORED = ['stop_details', 'output_tokens_details', 'usage.input_tokens', 'usage.cache_creation_input_tokens', 'usage.cache_read_input_tokens'];

function decode(body: string): { events: CanonicalStreamEvent[]; decoder: AnthropicStreamDecoder } {
  const decoder = new AnthropicStreamDecoder();
  const events = parseSse(body).flatMap((event) => decoder.push(event));
  return { events: [...events, ...decoder.end()], decoder };
}

function accumulate(events: CanonicalStreamEvent[]) {
  const accumulator = new StreamAccumulator();
  for (const event of events) accumulator.push(event);
  return accumulator.result();
}

test('the recorded tool-use stream decodes to its text, the tool call with joined partial JSON, and usage', () => {
  const response = accumulate(decode(readFixture('anthropic/tests_lib_fixtures_tool_use_response.txt')).events);
  assert.deepEqual(response.choices[0]?.content, [
    { type: 'text', text: "I'll check the current weather in Paris for you." },
    { type: 'tool_call', id: 'toolu_01NRLabsLyVHZPKxbKvkfSMn', name: 'get_weather', arguments: '{"location": "Paris"}' },
  ]);
  assert.equal(response.choices[0]?.stopReason, 'tool_use');
  // message_start input 377; message_delta output 65 replaces message_start's 1 (cumulative, not added)
  assert.deepEqual(response.usage?.buckets, { input: 377, cacheRead: 0, cacheWrite5m: 0, cacheWrite1h: 0, output: 65, reasoning: 0 });
});

test('the refusal stream keeps thinking with its signature, the refusal stop reason and thinking tokens', () => {
  const response = accumulate(decode(readFixture('anthropic/tests_fixtures_fable-fallback_stream-a-refusal.sse')).events);
  const [thinking, text] = response.choices[0]?.content ?? [];
  assert.equal(thinking?.type, 'thinking');
  assert.equal(thinking?.type === 'thinking' && thinking.signature, 'c3ludGhldGljLXNpZ25hdHVyZS1maXh0dXJlLWEtbm90LWEtcmVhbC1zaWduYXR1cmU=');
  assert.deepEqual(text, { type: 'text', text: 'Hi' });
  assert.equal(response.choices[0]?.stopReason, 'refusal');
  // output_tokens 106 of which thinking_tokens 67 → output 39, reasoning 67
  assert.deepEqual(response.usage?.buckets, { input: 28, cacheRead: 0, cacheWrite5m: 0, cacheWrite1h: 0, output: 39, reasoning: 67 });
});

test('a server tool block (web search) stays opaque, with its streamed input parsed', () => {
  const response = accumulate(decode(readFixture('anthropic/tests_fixtures_fable-fallback_stream-a-toolrefusal.sse')).events);
  const first = response.choices[0]?.content[0];
  assert.equal(first?.type, 'opaque');
  assert.deepEqual((first as { value: { input: unknown } }).value.input, { query: 'solar eclipse viewing safety news 2026' });
  assert.equal(response.choices[0]?.content[2]?.type, 'text');
});

test('a stream cut by max_tokens mid tool call closes the block before the stop reason', () => {
  const { events } = decode(readFixture('anthropic/tests_lib_fixtures_incomplete_partial_json_response.txt'));
  const types = events.map((event) => event.type);
  assert.deepEqual(types.slice(-4), ['part_end', 'choice_end', 'usage', 'response_end']);
  assert.equal(accumulate(events).choices[0]?.stopReason, 'max_tokens');
});

// Pings are keep-alives placed at the server's discretion (one recording has none): compared apart.
const withoutPings = (events: ReturnType<typeof parseSse>) => events.filter((event) => event.event !== 'ping');

test('re-encoding every recording gives the same event sequence, field names and types (pings aside)', () => {
  const cases = [...CURRENT.map((fixture) => ({ fixture, ignore: ['iterations'] })), ...OLDER.map((fixture) => ({ fixture, ignore: OLDER_IGNORED }))];
  for (const { fixture, ignore } of cases) {
    const body = readFixture(fixture);
    const encoder = new AnthropicStreamEncoder();
    const produced = withoutPings(parseSse(decode(body).events.map((event) => encoder.push(event)).join('')));
    const recorded = withoutPings(parseSse(body));
    if (fixture.includes('incomplete_partial_json')) {
      // This recording lacks the content_block_stop of its cut-off tool_use block; the encoder always closes blocks.
      const stop = recorded.findIndex((event) => event.event === 'message_delta');
      recorded.splice(stop, 0, { event: 'content_block_stop', data: '{"type":"content_block_stop","index":1}', id: undefined });
    }
    assert.deepEqual(
      produced.map((event) => event.event),
      recorded.map((event) => event.event),
      fixture,
    );
    produced.forEach((event, index) => {
      const expected = JSON.parse(recorded[index]?.data as string);
      const actual = JSON.parse(event.data);
      assertSameShape(actual, expected, ignore, `${fixture}#${index}`);
    });
  }
});

test('the encoder pings once, right after the first content_block_start, as the API does', () => {
  const encoder = new AnthropicStreamEncoder();
  const body = readFixture('anthropic/tests_lib_fixtures_basic_response.txt');
  const names = parseSse(decode(body).events.map((event) => encoder.push(event)).join('')).map((event) => event.event);
  assert.deepEqual(names, parseSse(body).map((event) => event.event));
});

test('every wire event maps to canonical and back with the same payload values', () => {
  const body = readFixture('anthropic/tests_lib_fixtures_tool_use_response.txt');
  const encoder = new AnthropicStreamEncoder();
  const produced = parseSse(decode(body).events.map((event) => encoder.push(event)).join(''));
  const recorded = parseSse(body);
  for (const [index, event] of produced.entries()) {
    const expected = JSON.parse(recorded[index]?.data as string);
    const actual = JSON.parse(event.data);
    if (expected.type === 'message_delta') {
      assert.deepEqual(actual.delta.stop_reason, expected.delta.stop_reason);
      assert.equal(actual.usage.output_tokens, expected.usage.output_tokens);
    } else {
      if (actual.message !== undefined) delete actual.message.stop_details;
      assert.deepEqual(actual, expected, `event ${index}`);
    }
  }
});

test('an error event inside a 200 stream becomes a canonical error, and is written back as event: error', () => {
  const body =
    'event: message_start\ndata: {"type":"message_start","message":{"id":"msg_1","type":"message","role":"assistant","content":[],"model":"claude-opus-4-8","stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":5,"output_tokens":1}}}\n\n' +
    'event: error\ndata: {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}\n\n';
  const { events } = decode(body);
  assert.deepEqual(events.at(-1), { type: 'error', error: { kind: 'overloaded', message: 'Overloaded' } });
  const encoder = new AnthropicStreamEncoder();
  const written = parseSse(events.map((event) => encoder.push(event)).join(''));
  assert.deepEqual(written.map((event) => event.event), ['message_start', 'error']);
  assert.deepEqual(JSON.parse(written[1]?.data as string), { type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } });
});

test('unknown event types are ignored, as clients must', () => {
  const decoder = new AnthropicStreamDecoder();
  assert.deepEqual(decoder.push({ event: 'future_event', data: '{"type":"future_event","x":1}', id: undefined }), []);
});
