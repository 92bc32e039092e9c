import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseSse } from '../../protocols/sse/sse-parser.ts';
import { SseEventBoundaries } from './sse-event-boundaries.ts';

/** The stream cut at every event boundary found, fed in the given chunks. */
function segments(stream: Buffer, cuts: number[]): Buffer[] {
  const boundaries = new SseEventBoundaries();
  const found: Buffer[] = [];
  let pending = Buffer.alloc(0);
  let chunkStart = 0;
  for (const cut of [...cuts, stream.length]) {
    const bytes = Buffer.concat([pending, stream.subarray(chunkStart, cut)]);
    let start = 0;
    for (const end of boundaries.scan(bytes, pending.length)) {
      found.push(bytes.subarray(start, end));
      start = end;
    }
    pending = bytes.subarray(start);
    chunkStart = cut;
  }
  if (pending.length > 0) found.push(pending);
  return found;
}

test('events end at blank lines, whatever the line ends and wherever the chunks are cut', () => {
  const stream = Buffer.from('event: a\ndata: 1\n\ndata: 2\r\n\r\n: ping\r\rdata: 3\n\n');
  const expected = ['event: a\ndata: 1\n\n', 'data: 2\r\n\r\n', ': ping\r\r', 'data: 3\n\n'];
  assert.deepEqual(segments(stream, []).map(String), expected);
  // Cut between the CR and the LF of the blank line's CRLF: the LF starts the next segment.
  const crlf = stream.indexOf('\r\n\r\n') + 3;
  assert.deepEqual(segments(stream, [crlf]).map(String), ['event: a\ndata: 1\n\n', 'data: 2\r\n\r', '\n: ping\r\r', 'data: 3\n\n']);
});

test('any stream, cut anywhere: the segments are the stream, and each holds exactly the events the parser finds there', () => {
  const line = fc.constantFrom('data: {"a":1}', 'data: x', 'event: message_delta', ': ping', 'id: 7', 'data', '');
  // Mostly LF, as providers send it, so that many chunks take the path for chunks without CR.
  const ending = fc.constantFrom('\n', '\n', '\n', '\r', '\r\n');
  const stream = fc.array(fc.tuple(line, ending), { maxLength: 30 }).map((lines) => Buffer.from(lines.map(([text, end]) => text + end).join('')));
  fc.assert(
    fc.property(stream, fc.array(fc.nat(), { maxLength: 6 }), (bytes, positions) => {
      const cuts = [...new Set(positions.map((position) => position % (bytes.length + 1)))].sort((left, right) => left - right);
      const found = segments(bytes, cuts);
      assert.deepEqual(Buffer.concat(found), bytes);
      const whole = parseSse(bytes.toString('utf8'));
      const bySegment = found.flatMap((segment) => parseSse(segment.toString('utf8')));
      assert.deepEqual(
        bySegment.map((event) => [event.event, event.data]),
        whole.map((event) => [event.event, event.data]),
      );
      for (const segment of found.slice(0, -1)) assert.ok(parseSse(segment.toString('utf8')).length <= 1, 'one event at most per segment');
    }),
  );
});
