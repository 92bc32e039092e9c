import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eventData, eventName, eventText } from './sse-event-bytes.ts';

test('an event\'s name and data are read from its bytes, whatever its line ends', () => {
  const bytes = Buffer.from('event: message_delta\r\ndata: {"text":"héllo"}\r\ndata: more\r\n\r\n');
  assert.equal(eventName(eventText(bytes, 0, bytes.length)), 'message_delta');
  assert.equal(eventData(bytes, 0, bytes.length), '{"text":"héllo"}\nmore');
});

test('an event without a name is the default one; the last name given wins', () => {
  assert.equal(eventName('data: 1\n\n'), undefined);
  assert.equal(eventName('event:first\revent: second\rdata: 1\r\r'), 'second');
  assert.equal(eventName('event\ndata: 1\n\n'), undefined);
});
