import { test } from 'node:test';
import assert from 'node:assert/strict';
import { insertFirstField } from './insert-first-field.ts';

test('the member goes first and every byte of the body stays as it was', () => {
  const body = Buffer.from(' {\n  "model": "m",  "x_vendor": {"keep": [1, 2]}}');
  const result = insertFirstField(body, '"stream_options":{"include_usage":true}');
  assert.equal(String(result), ' {"stream_options":{"include_usage":true},\n  "model": "m",  "x_vendor": {"keep": [1, 2]}}');
  assert.deepEqual(JSON.parse(String(result)), { stream_options: { include_usage: true }, model: 'm', x_vendor: { keep: [1, 2] } });
});

test('anything but a non-empty object is left to the caller', () => {
  assert.equal(insertFirstField(Buffer.from('{ }'), '"a":1'), undefined);
  assert.equal(insertFirstField(Buffer.from('[1]'), '"a":1'), undefined);
  assert.equal(insertFirstField(Buffer.from('  '), '"a":1'), undefined);
});
