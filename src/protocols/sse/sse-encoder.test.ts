import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatSseComment, formatSseEvent } from './sse-encoder.ts';
import { parseSse } from './sse-parser.ts';

test('named events, multi-line data, CRLF line ends and comments', () => {
  assert.equal(formatSseEvent('{"a":1}', 'ping'), 'event: ping\ndata: {"a":1}\n\n');
  assert.equal(formatSseEvent('one\ntwo'), 'data: one\ndata: two\n\n');
  assert.equal(formatSseEvent('{}', undefined, '\r\n'), 'data: {}\r\n\r\n');
  const body = formatSseComment('keep-alive') + formatSseEvent('x');
  assert.deepEqual(parseSse(body), [{ event: undefined, data: 'x', id: undefined }]);
});
