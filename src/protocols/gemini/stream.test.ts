import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CanonicalStreamEvent } from '../canonical/stream-event.ts';
import { parseSse } from '../sse/sse-parser.ts';
import { geminiRecording, geminiSse } from '../test-support/fixtures.ts';
import { assertSameShape } from '../test-support/shape.ts';
import { StreamAccumulator } from '../translate/accumulate-stream.ts';
import { GeminiStreamDecoder } from './stream-decoder.ts';
import { GeminiStreamEncoder } from './stream-encoder.ts';

const recording = geminiRecording('Chats_Tests_sendMessage_Google_AI_with_config_stream.json');

function decode(body: string): CanonicalStreamEvent[] {
  const decoder = new GeminiStreamDecoder();
  return [...parseSse(body).flatMap((event) => decoder.push(event)), ...decoder.end()];
}

test('the recorded gemini-2.0-flash stream decodes to one text part, MAX_TOKENS and the last usageMetadata', () => {
  const accumulator = new StreamAccumulator();
  for (const event of decode(geminiSse(recording.responseSegments))) accumulator.push(event);
  const response = accumulator.result();
  assert.equal(accumulator.ended, true);
  assert.equal(response.id, 'qNSfaN6BAtWknvgPjZf02AQ');
  assert.deepEqual(response.choices[0]?.content, [
    { type: 'text', text: "The sky is blue because of a phenomenon called **Rayleigh scattering**. Here's a breakdown:" },
  ]);
  assert.equal(response.choices[0]?.stopReason, 'max_tokens');
  // last chunk: promptTokenCount 6, candidatesTokenCount 20 (the earlier chunks' 7 is replaced, not added)
  assert.deepEqual(response.usage?.buckets, { input: 6, cacheRead: 0, cacheWrite5m: 0, cacheWrite1h: 0, output: 20, reasoning: 0 });
});

test('re-encoding gives chunks shaped like the recording, with CRLF line ends', () => {
  const encoder = new GeminiStreamEncoder();
  const text = decode(geminiSse(recording.responseSegments)).map((event) => encoder.push(event)).join('');
  assert.ok(text.endsWith('}\r\n\r\n'));
  const produced = parseSse(text).map((event) => JSON.parse(event.data));
  const recorded = recording.responseSegments;
  assert.equal(produced.length, recorded.length + 1);
  // The API puts finishReason on the last text chunk; the encoder sends it in one more chunk, once usage is final.
  produced.slice(0, -1).forEach((chunk, index) => assertSameShape(chunk, recorded[index], ['finishReason'], `chunk ${index}`));
  assertSameShape(produced.at(-1), recorded.at(-1));
  assert.deepEqual(produced.at(-1).usageMetadata, (recorded.at(-1) as { usageMetadata: unknown }).usageMetadata);
});

test('a function call arrives whole: one part with its arguments, and STOP becomes tool_use', () => {
  const chunk = {
    candidates: [{ content: { parts: [{ functionCall: { name: 'get_weather', args: { city: 'Paris' } }, thoughtSignature: 'sig' }], role: 'model' }, finishReason: 'STOP' }],
    usageMetadata: { promptTokenCount: 10, candidatesTokenCount: 5, totalTokenCount: 15 },
    modelVersion: 'gemini-2.5-flash',
    responseId: 'r1',
  };
  const accumulator = new StreamAccumulator();
  for (const event of decode(geminiSse([chunk]))) accumulator.push(event);
  const choice = accumulator.result().choices[0];
  assert.deepEqual(choice?.content, [
    { type: 'tool_call', id: 'call_0_0', name: 'get_weather', arguments: '{"city":"Paris"}', thoughtSignature: 'sig' },
  ]);
  assert.equal(choice?.stopReason, 'tool_use');
});

test('thought parts stream as thinking, and a late thoughtSignature attaches to the open part', () => {
  const chunks = [
    { candidates: [{ content: { parts: [{ text: 'Pondering', thought: true }], role: 'model' } }], responseId: 'r', modelVersion: 'm' },
    { candidates: [{ content: { parts: [{ text: 'Answer' }], role: 'model' } }], responseId: 'r', modelVersion: 'm' },
    { candidates: [{ content: { parts: [{ text: '', thoughtSignature: 'abc' }], role: 'model' }, finishReason: 'STOP' }], responseId: 'r', modelVersion: 'm' },
  ];
  const accumulator = new StreamAccumulator();
  for (const event of decode(geminiSse(chunks))) accumulator.push(event);
  assert.deepEqual(accumulator.result().choices[0]?.content, [
    { type: 'thinking', text: 'Pondering' },
    { type: 'text', text: 'Answer', thoughtSignature: 'abc' },
  ]);
});

test('a stream that ends without a finishReason reports an error; an error chunk is an error event', () => {
  const cut = decode(geminiSse([{ candidates: [{ content: { parts: [{ text: 'Hi' }], role: 'model' } }], responseId: 'r', modelVersion: 'm' }]));
  assert.deepEqual(cut.at(-1), { type: 'error', error: { kind: 'server', message: 'The upstream stream ended before a finishReason.' } });
  const failed = decode(geminiSse([{ error: { code: 429, message: 'Quota', status: 'RESOURCE_EXHAUSTED' } }]));
  assert.deepEqual(failed, [{ type: 'error', error: { kind: 'rate_limit', message: 'Quota' } }]);
});
