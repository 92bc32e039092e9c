import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseSse, SseParser, type SseEvent } from './sse-parser.ts';
import { formatSseEvent } from './sse-encoder.ts';

function parseInChunks(chunks: Array<string | Uint8Array>): SseEvent[] {
  const parser = new SseParser();
  const events: SseEvent[] = [];
  for (const chunk of chunks) events.push(...parser.push(chunk));
  events.push(...parser.end());
  return events;
}

function splitAt<T extends string | Uint8Array>(text: T, cuts: number[]): T[] {
  const positions = [...new Set(cuts.map((cut) => cut % (text.length + 1)))].sort((a, b) => a - b);
  const pieces: T[] = [];
  let start = 0;
  for (const position of positions) {
    pieces.push(text.slice(start, position) as T);
    start = position;
  }
  pieces.push(text.slice(start) as T);
  return pieces;
}

test('named events, data lines, comments and pings as Anthropic sends them', () => {
  const body =
    'event: message_start\ndata: {"type":"message_start"}   \n\n' +
    ': keep-alive comment\n\n' +
    'event: ping\ndata: {"type": "ping"}\n\n' +
    'data: [DONE]\n\n';
  assert.deepEqual(parseSse(body), [
    { event: 'message_start', data: '{"type":"message_start"}   ', id: undefined },
    { event: 'ping', data: '{"type": "ping"}', id: undefined },
    { event: undefined, data: '[DONE]', id: undefined },
  ]);
});

test('CRLF and lone CR line ends, multi-line data joined with LF, field without space', () => {
  const body = 'data:first\r\ndata: second\r\n\r\nevent:x\rdata:y\r\r';
  assert.deepEqual(parseSse(body), [
    { event: undefined, data: 'first\nsecond', id: undefined },
    { event: 'x', data: 'y', id: undefined },
  ]);
});

test('an event without data is not dispatched; id persists as the last event id', () => {
  assert.deepEqual(parseSse('event: empty\n\nid: 7\ndata: a\n\ndata: b\n\n'), [
    { event: undefined, data: 'a', id: '7' },
    { event: undefined, data: 'b', id: '7' },
  ]);
});

test('a leading BOM is ignored and a final event without its blank line is flushed by end()', () => {
  assert.deepEqual(parseSse('\uFEFFdata: x\n\ndata: tail'), [
    { event: undefined, data: 'x', id: undefined },
    { event: undefined, data: 'tail', id: undefined },
  ]);
});

test('bytes split inside a UTF-8 sequence decode to the same text', () => {
  const bytes = new TextEncoder().encode('data: é — 漢\n\n');
  const events = parseInChunks([bytes.slice(0, 7), bytes.slice(7, 9), bytes.slice(9)]);
  assert.deepEqual(events, [{ event: undefined, data: 'é — 漢', id: undefined }]);
});

const eventArbitrary = fc.record({
  event: fc.option(fc.stringMatching(/^[a-z_]{1,12}$/), { nil: undefined }),
  data: fc.string({ unit: 'grapheme', maxLength: 40 }),
});

test('property: any chunking of any encoded stream, with any line ending, parses to the same events', () => {
  fc.assert(
    fc.property(
      fc.array(eventArbitrary, { maxLength: 8 }),
      fc.constantFrom('\n', '\r\n', '\r'),
      fc.array(fc.nat(), { maxLength: 12 }),
      fc.boolean(),
      (events, newline, cuts, asBytes) => {
        const body = events.map((event) => formatSseEvent(event.data, event.event, newline)).join('');
        const chunks = asBytes ? splitAt(new TextEncoder().encode(body), cuts) : splitAt(body, cuts);
        const parsed = parseInChunks(chunks);
        const expected = events.map((event) => ({ event: event.event, data: event.data.replace(/\r\n|\r/g, '\n'), id: undefined }));
        assert.deepEqual(parsed, expected);
      },
    ),
    { numRuns: 300 },
  );
});
