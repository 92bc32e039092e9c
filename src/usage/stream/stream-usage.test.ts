import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createStreamUsage } from './stream-usage.ts';

const FIXTURES = new URL('../../../../shared/data/fixtures/', import.meta.url);

function sseEvents(text: string): unknown[] {
  return text
    .split('\n')
    .filter((line) => line.startsWith('data: {'))
    .map((line) => JSON.parse(line.slice('data: '.length)));
}

test('recorded Anthropic stream: message_delta output_tokens replaces message_start, never adds', () => {
  // message_start reports output_tokens 7, message_delta the cumulative 547: the answer is 547, not 554.
  const stream = createStreamUsage('anthropic');
  for (const event of sseEvents(readFileSync(new URL('anthropic/tests_fixtures_fable-fallback_stream-b-fallback.sse', FIXTURES), 'utf8'))) {
    stream.add(event);
  }
  assert.deepEqual(stream.result().buckets, { input: 31, cacheRead: 0, cacheWrite5m: 0, cacheWrite1h: 0, output: 547, reasoning: 0 });
});

test('recorded Anthropic stream with thinking tokens inside the cumulative output count', () => {
  const stream = createStreamUsage('anthropic');
  for (const event of sseEvents(readFileSync(new URL('anthropic/tests_fixtures_fable-fallback_stream-a-refusal.sse', FIXTURES), 'utf8'))) {
    stream.add(event);
  }
  // message_delta: output_tokens 106 including thinking 67 → output 39, reasoning 67
  const usage = stream.result();
  assert.equal(usage.buckets.input, 28);
  assert.equal(usage.buckets.output, 39);
  assert.equal(usage.buckets.reasoning, 67);
  assert.equal(usage.serviceTier, 'standard');
});

test('Anthropic cache fields from message_start survive a message_delta that only updates output', () => {
  const stream = createStreamUsage('anthropic');
  stream.add({
    type: 'message_start',
    message: {
      usage: {
        input_tokens: 12,
        cache_creation_input_tokens: 3000,
        cache_read_input_tokens: 500,
        cache_creation: { ephemeral_5m_input_tokens: 0, ephemeral_1h_input_tokens: 3000 },
        output_tokens: 1,
      },
    },
  });
  stream.add({ type: 'content_block_delta', delta: { type: 'text_delta', text: 'Hi' } });
  stream.add({ type: 'message_delta', delta: { stop_reason: 'end_turn' }, usage: { output_tokens: 20 } });
  stream.add({ type: 'message_delta', delta: {}, usage: { output_tokens: 42 } });
  stream.add({ type: 'message_stop' });
  assert.deepEqual(stream.result().buckets, { input: 12, cacheRead: 500, cacheWrite5m: 0, cacheWrite1h: 3000, output: 42, reasoning: 0 });
});

test('recorded OpenAI streams: only the final chunk carries usage', () => {
  const snapshot = readFileSync(new URL('openai/ChatCompletionStream.test.ts.snap', FIXTURES), 'utf8');
  const blocks = snapshot.split('exports[').slice(1);
  const withUsage = blocks.filter((block) => block.includes('"usage":{'));
  assert.ok(withUsage.length >= 2);
  for (const block of withUsage) {
    const stream = createStreamUsage('openai');
    // The snapshot escapes backslashes inside its template literals.
    for (const event of sseEvents(block.replaceAll('\\\\', '\\'))) stream.add(event);
    const usage = stream.result();
    assert.equal(usage.buckets.input, 17);
    assert.ok(usage.buckets.output === 10 || usage.buckets.output === 13);
  }
});

test('OpenAI Responses stream: the response.completed usage replaces the zero usage of response.created', () => {
  const stream = createStreamUsage('openai-responses');
  const zero = { input_tokens: 0, input_tokens_details: { cached_tokens: 0 }, output_tokens: 0, output_tokens_details: { reasoning_tokens: 0 }, total_tokens: 0 };
  stream.add({ type: 'response.created', response: { usage: zero } });
  stream.add({ type: 'response.output_text.delta', delta: 'Hi' });
  stream.add({
    type: 'response.completed',
    response: {
      service_tier: 'flex',
      usage: { input_tokens: 10, input_tokens_details: { cached_tokens: 4 }, output_tokens: 2, output_tokens_details: { reasoning_tokens: 0 }, total_tokens: 12 },
    },
  });
  const usage = stream.result();
  assert.deepEqual(usage.buckets, { input: 6, cacheRead: 4, cacheWrite5m: 0, cacheWrite1h: 0, output: 2, reasoning: 0 });
  assert.equal(usage.serviceTier, 'flex');
});

test('Gemini stream: the last cumulative usageMetadata wins', () => {
  const stream = createStreamUsage('gemini');
  stream.add({ candidates: [], usageMetadata: { promptTokenCount: 7, totalTokenCount: 7 } });
  stream.add({ candidates: [], usageMetadata: { promptTokenCount: 7, candidatesTokenCount: 5, totalTokenCount: 12 } });
  stream.add({ candidates: [] });
  assert.deepEqual(stream.result().buckets, { input: 7, cacheRead: 0, cacheWrite5m: 0, cacheWrite1h: 0, output: 5, reasoning: 0 });
});

test('a stream without usage says what was expected', () => {
  const stream = createStreamUsage('openai');
  stream.add({ choices: [], usage: null });
  assert.throws(() => stream.result(), /stream_options\.include_usage/);
  assert.throws(() => createStreamUsage('anthropic').result(), /no message_start or message_delta/);
});
