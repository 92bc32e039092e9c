import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { AssistantPart } from '../canonical/parts.ts';
import type { Protocol } from '../canonical/protocol.ts';
import type { CanonicalResponse } from '../canonical/response.ts';
import { parseSse } from '../sse/sse-parser.ts';
import { anthropicResponse } from '../test-support/arbitraries/anthropic-messages.ts';
import { geminiResponse } from '../test-support/arbitraries/gemini.ts';
import { openAIResponse } from '../test-support/arbitraries/openai-chat.ts';
import { StreamAccumulator } from './accumulate-stream.ts';
import { createStreamDecoder, createStreamEncoder } from './codecs.ts';
import { responseToStreamEvents } from './response-to-events.ts';

/** The canonical response a stream of `protocol` delivers, after a trip through its wire. */
function throughStream(response: CanonicalResponse, protocol: Protocol, chunkSize: number): StreamAccumulator {
  const encoder = createStreamEncoder(protocol, { includeUsage: true });
  const text = responseToStreamEvents(response, { chunkSize }).map((event) => encoder.push(event)).join('');
  assert.deepEqual(encoder.dropped, []);
  const decoder = createStreamDecoder(protocol);
  const accumulator = new StreamAccumulator();
  for (const event of [...parseSse(text).flatMap((sse) => decoder.push(sse)), ...decoder.end()]) accumulator.push(event);
  return accumulator;
}

function plain<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

function check(protocol: Protocol, response: CanonicalResponse, chunkSize: number, usageRaw: boolean): void {
  const accumulator = throughStream(response, protocol, chunkSize);
  assert.equal(accumulator.ended, true);
  const { usage, ...rest } = plain(accumulator.result());
  const { usage: expectedUsage, ...expected } = plain(response);
  assert.deepEqual(rest, expected);
  assert.deepEqual(usage?.buckets, expectedUsage?.buckets);
  if (usageRaw) assert.deepEqual(usage, expectedUsage);
}

/** A stream always ends its choices with a stop reason. */
const finished = (response: CanonicalResponse) => response.choices.every((choice) => choice.stopReason !== null);
/** OpenAI deltas cannot show an empty text or refusal part. */
const nonEmpty = (response: CanonicalResponse) =>
  response.choices.every((choice) => choice.content.every((part) => (part.type !== 'text' && part.type !== 'refusal') || part.text !== ''));
/**
 * The Gemini wire has no part boundaries: two text (or two thought) parts in a row stream as
 * one, and an empty one without a signature streams as nothing.
 */
const separable = (content: AssistantPart[]) =>
  content.every((part, index) => {
    if (part.type !== 'text' && part.type !== 'thinking') return true;
    if (part.text === '' && part.thoughtSignature === undefined) return false;
    return index === 0 || part.type !== content[index - 1]?.type;
  });

test('property: a response streamed as OpenAI chunks and read back is the same response', () => {
  fc.assert(fc.property(openAIResponse.filter(nonEmpty), fc.integer({ min: 1, max: 6 }), (response, size) => check('openai-chat', response, size, true)), { numRuns: 150 });
});

test('property: a response streamed as Anthropic events and read back is the same response (usage buckets kept)', () => {
  fc.assert(fc.property(anthropicResponse.filter(finished), fc.integer({ min: 1, max: 6 }), (response, size) => check('anthropic-messages', response, size, false)), { numRuns: 150 });
});

test('property: a response streamed as Gemini chunks and read back is the same response', () => {
  const streamable = geminiResponse.filter((response) => finished(response) && response.choices.every((choice) => separable(choice.content)));
  fc.assert(fc.property(streamable, fc.integer({ min: 1, max: 6 }), (response, size) => check('gemini', response, size, true)), { numRuns: 150 });
});
