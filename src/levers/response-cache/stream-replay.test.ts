import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Protocol } from '../../protocols/canonical/protocol.ts';
import type { CanonicalResponse } from '../../protocols/canonical/response.ts';
import type { CanonicalStreamEvent } from '../../protocols/canonical/stream-event.ts';
import { parseSse } from '../../protocols/sse/sse-parser.ts';
import { createStreamDecoder, decodeResponse, encodeResponse } from '../../protocols/translate/codecs.ts';
import { responseToStreamEvents } from '../../protocols/translate/response-to-events.ts';
import { encodeAnthropicUsage, normalizeAnthropicUsage } from '../../usage/shapes/anthropic.ts';
import { replayAsStream, responseFromStream } from './stream-replay.ts';

const usage = normalizeAnthropicUsage(encodeAnthropicUsage({ input: 120, cacheRead: 0, cacheWrite5m: 0, cacheWrite1h: 0, output: 18, reasoning: 0 }));

function response(withToolCall: boolean): CanonicalResponse {
  return {
    id: 'resp_42',
    model: 'model-x',
    created: 1_763_800_000,
    choices: [
      {
        index: 0,
        content: [
          { type: 'text', text: 'The answer is 4 — computed twice to be sure. ✓' },
          ...(withToolCall ? [{ type: 'tool_call' as const, id: 'call_1', name: 'record', arguments: '{"value":4}' }] : []),
        ],
        stopReason: withToolCall ? 'tool_use' : 'end_turn',
      },
    ],
    usage,
  };
}

/** What a client of `protocol` reads back from the replayed SSE body. */
function decode(protocol: Protocol, body: string): CanonicalStreamEvent[] {
  const decoder = createStreamDecoder(protocol);
  return [...parseSse(body).flatMap((event) => decoder.push(event)), ...decoder.end()];
}

const ERROR_EVENT: CanonicalStreamEvent = { type: 'error', error: { kind: 'server', message: 'upstream reset' } };

const plain = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

for (const protocol of ['openai-chat', 'anthropic-messages', 'gemini'] as const) {
  test(`a cached response replays as a valid ${protocol} stream that decodes to the response a non-streamed call shows`, () => {
    // Gemini's wire carries no tool-call ids, so its case is text only.
    const original = response(protocol !== 'gemini');
    const body = replayAsStream(original, protocol, { includeUsage: true, chunkSize: 7 });
    const events = decode(protocol, body);
    assert.ok(!events.some((event) => event.type === 'error'), 'the stream is complete and well-formed');
    assert.ok(events.filter((event) => event.type === 'text_delta').length > 1, 'long text arrives in several deltas');
    const { usage: replayedUsage, ...replayed } = plain(responseFromStream(events)!);
    // What the protocol carries of the response (Anthropic and Gemini have no `created`), as a non-streamed answer would show it.
    const { usage: expectedUsage, ...expected } = plain(decodeResponse(protocol, encodeResponse(protocol, original).value).value);
    assert.deepEqual(replayed, expected);
    assert.deepEqual(replayedUsage?.buckets, expectedUsage?.buckets);
  });
}

test('a streamed answer is stored as its canonical response; a cut-short stream is not stored', () => {
  const events = responseToStreamEvents(response(true), { chunkSize: 5 });
  assert.deepEqual(plain(responseFromStream(events)), plain(response(true)));
  assert.equal(responseFromStream(events.slice(0, -1)), undefined, 'no response_end: partial');
  assert.equal(responseFromStream([...events.slice(0, 3), ERROR_EVENT]), undefined);
});
