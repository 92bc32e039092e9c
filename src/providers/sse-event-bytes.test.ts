import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eventData, eventName } from './sse-event-bytes.ts';

const name = (text: string) => eventName(Buffer.from(text));

test('an event\'s name and data are read from its bytes, whatever its line ends', () => {
  const event = Buffer.from('event: message_delta\r\ndata: {"text":"héllo event: x"}\r\ndata: more\r\n\r\n');
  assert.equal(eventName(event), 'message_delta');
  assert.equal(eventData(event), '{"text":"héllo event: x"}\nmore');
});

test('an event without a name is the default one; the last name given wins', () => {
  assert.equal(name('data: {"event":"x"}\n\n'), undefined);
  assert.equal(name('event:first\revent: second\rdata: 1\r\r'), 'second');
  assert.equal(name('event: first\nevent\ndata: 1\n\n'), undefined);
  assert.equal(name('events: x\ndata: 1\n\n'), undefined);
});
