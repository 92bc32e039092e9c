import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CanonicalStreamEvent } from '../canonical/stream-event.ts';
import { parseSse } from '../sse/sse-parser.ts';
import { snapshotEntries } from '../test-support/fixtures.ts';
import { assertSameShape } from '../test-support/shape.ts';
import { StreamAccumulator } from '../translate/accumulate-stream.ts';
import { OPENAI_COMPATIBLE_HOSTS } from '../openai-compatible/hosts.ts';
import { OpenAIChatStreamDecoder } from './stream-decoder.ts';
import { OpenAIChatStreamEncoder } from './stream-encoder.ts';

const streams = snapshotEntries('openai/ChatCompletionStream.test.ts.snap');

function decode(body: string, decoder = new OpenAIChatStreamDecoder()): CanonicalStreamEvent[] {
  const events = parseSse(body).flatMap((event) => decoder.push(event));
  return [...events, ...decoder.end()];
}

function accumulate(events: CanonicalStreamEvent[]) {
  const accumulator = new StreamAccumulator();
  for (const event of events) accumulator.push(event);
  return accumulator;
}

test('a recorded gpt-4o stream decodes to its text, stop reason and usage', () => {
  const events = decode(streams.get('.stream() works 1') as string);
  const accumulator = accumulate(events);
  const response = accumulator.result();
  assert.equal(accumulator.ended, true);
  assert.equal(response.id, 'chatcmpl-9tZXEmwtoDf6vqCqEWSvDP8jx9OXe');
  assert.deepEqual(response.choices[0]?.content, [{ type: 'text', text: '{"city":"San Francisco","units":"c"}' }]);
  assert.equal(response.choices[0]?.stopReason, 'end_turn');
  // prompt 17 (none cached) → input 17; completion 10 (no reasoning) → output 10
  assert.deepEqual(response.usage?.buckets, { input: 17, cacheRead: 0, cacheWrite5m: 0, cacheWrite1h: 0, output: 10, reasoning: 0 });
});

test('a recorded refusal stream decodes to a refusal part', () => {
  const response = accumulate(decode(streams.get('.stream() emits refusal logprobs events 1') as string)).result();
  assert.deepEqual(response.choices[0]?.content, [{ type: 'refusal', text: "I'm very sorry, but I can't assist with that request." }]);
});

test('re-encoding the recorded streams gives chunks shaped exactly like the recording', () => {
  for (const name of ['.stream() works 1', '.stream() is robust against leading newline chunks 1']) {
    const recorded = parseSse(streams.get(name) as string);
    const encoder = new OpenAIChatStreamEncoder({ includeUsage: true });
    const output = decode(streams.get(name) as string).map((event) => encoder.push(event)).join('');
    const produced = parseSse(output);
    assert.equal(produced.length, recorded.length, name);
    produced.forEach((event, index) => {
      const expected = recorded[index]?.data as string;
      if (expected === '[DONE]') assert.equal(event.data, '[DONE]');
      else assert.deepEqual(JSON.parse(event.data), JSON.parse(expected), `${name} chunk ${index}`);
    });
  }
});

test('the refusal stream re-encodes to the recorded shapes (logprobs aside, which are reported dropped)', () => {
  const body = streams.get('.stream() emits refusal logprobs events 1') as string;
  const decoder = new OpenAIChatStreamDecoder();
  const encoder = new OpenAIChatStreamEncoder({ includeUsage: true });
  const produced = parseSse(decode(body, decoder).map((event) => encoder.push(event)).join(''));
  const recorded = parseSse(body);
  assert.equal(produced.length, recorded.length);
  produced.slice(0, -1).forEach((event, index) => {
    assertSameShape(JSON.parse(event.data), JSON.parse(recorded[index]?.data as string), ['choices[0].logprobs']);
  });
  assert.deepEqual(decoder.dropped, ['choices[0].logprobs']);
});

test('tool-call deltas: role chunk carries the first call, arguments stream by index, finish is tool_calls', () => {
  const encoder = new OpenAIChatStreamEncoder({ includeUsage: false });
  const events: CanonicalStreamEvent[] = [
    { type: 'response_start', id: 'chatcmpl-1', model: 'gpt-4o', created: 1 },
    { type: 'part_start', choice: 0, index: 0, part: { type: 'tool_call', id: 'call_a', name: 'get_weather' } },
    { type: 'tool_call_delta', choice: 0, index: 0, arguments: '{"city":' },
    { type: 'tool_call_delta', choice: 0, index: 0, arguments: '"Paris"}' },
    { type: 'part_end', choice: 0, index: 0 },
    { type: 'part_start', choice: 0, index: 1, part: { type: 'tool_call', id: 'call_b', name: 'get_time' } },
    { type: 'part_end', choice: 0, index: 1 },
    { type: 'choice_end', choice: 0, stopReason: 'tool_use' },
    { type: 'response_end' },
  ];
  const chunks = parseSse(events.map((event) => encoder.push(event)).join(''));
  const deltas = chunks.slice(0, -1).map((chunk) => JSON.parse(chunk.data).choices[0]);
  assert.deepEqual(deltas[0].delta, {
    role: 'assistant',
    content: null,
    tool_calls: [{ index: 0, id: 'call_a', type: 'function', function: { name: 'get_weather', arguments: '' } }],
    refusal: null,
  });
  assert.deepEqual(deltas[1].delta, { tool_calls: [{ index: 0, function: { arguments: '{"city":' } }] });
  assert.deepEqual(deltas[3].delta.tool_calls[0].index, 1);
  assert.equal(deltas[4].finish_reason, 'tool_calls');
  assert.equal(chunks.at(-1)?.data, '[DONE]');
});

test('DeepSeek: reasoning_content deltas become a thinking part and usage reads the cache hit/miss fields', () => {
  const chunk = (delta: object, extra: object = {}) =>
    `data: ${JSON.stringify({ id: 'x', object: 'chat.completion.chunk', created: 1, model: 'deepseek-reasoner', choices: [{ index: 0, delta, finish_reason: null }], ...extra })}\n\n`;
  const body =
    chunk({ role: 'assistant', content: null, reasoning_content: '' }) +
    chunk({ reasoning_content: 'Think.' }) +
    chunk({ content: 'Answer.' }) +
    `data: ${JSON.stringify({ id: 'x', object: 'chat.completion.chunk', created: 1, model: 'deepseek-reasoner', choices: [{ index: 0, delta: { content: '' }, finish_reason: 'stop' }], usage: { prompt_tokens: 100, completion_tokens: 30, total_tokens: 130, prompt_cache_hit_tokens: 64, prompt_cache_miss_tokens: 36, completion_tokens_details: { reasoning_tokens: 20 } } })}\n\n` +
    'data: [DONE]\n\n';
  const response = accumulate(decode(body, new OpenAIChatStreamDecoder(OPENAI_COMPATIBLE_HOSTS.deepseek.dialect))).result();
  assert.deepEqual(response.choices[0]?.content, [
    { type: 'thinking', text: 'Think.' },
    { type: 'text', text: 'Answer.' },
  ]);
  // miss 36 → input, hit 64 → cacheRead; completion 30 − reasoning 20 → output 10
  assert.deepEqual(response.usage?.buckets, { input: 36, cacheRead: 64, cacheWrite5m: 0, cacheWrite1h: 0, output: 10, reasoning: 20 });
});

test('a stream cut before [DONE] ends with an error event, and an error chunk becomes one', () => {
  const events = decode(`data: ${JSON.stringify({ id: 'x', object: 'chat.completion.chunk', created: 1, model: 'm', choices: [{ index: 0, delta: { content: 'Hi' }, finish_reason: null }] })}\n\n`);
  assert.deepEqual(events.slice(-2), [
    { type: 'part_end', choice: 0, index: 0 },
    { type: 'error', error: { kind: 'server', message: 'The upstream stream ended before data: [DONE].' } },
  ]);
  const error = decode(`data: ${JSON.stringify({ error: { message: 'Rate limit', type: 'requests', param: null, code: 'rate_limit_exceeded' } })}\n\n`);
  assert.deepEqual(error, [{ type: 'error', error: { kind: 'rate_limit', message: 'Rate limit' } }]);
});
