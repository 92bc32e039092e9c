import { test } from 'node:test';
import assert from 'node:assert/strict';
import { stableJson } from './stable-json.ts';

test('key order and undefined members do not change the text; array order does', () => {
  assert.equal(stableJson({ b: 1, a: { d: [1, 2], c: undefined } }), stableJson({ a: { d: [1, 2] }, b: 1 }));
  assert.notEqual(stableJson({ a: [1, 2] }), stableJson({ a: [2, 1] }));
});
