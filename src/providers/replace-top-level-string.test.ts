import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { replaceTopLevelString } from './replace-top-level-string.ts';

test('only the top-level member\'s value changes; the same name deeper down and in strings is left alone', () => {
  const text = '{ "messages": [{"role": "user", "content": "the \\"model\\": \\"x\\""}], "metadata": {"model": "keep"},\n "model" : "fast", "n": 1}';
  assert.equal(String(replaceTopLevelString(Buffer.from(text), 'model', 'gpt-4o-mini')), text.replace('"fast"', '"gpt-4o-mini"'));
});

test('no such member, a duplicate or a value that is no string: left to the caller', () => {
  assert.equal(replaceTopLevelString(Buffer.from('{"a":{"model":"x"}}'), 'model', 'm'), undefined);
  assert.equal(replaceTopLevelString(Buffer.from('{"model":"x","model":"y"}'), 'model', 'm'), undefined);
  assert.equal(replaceTopLevelString(Buffer.from('{"model":null}'), 'model', 'm'), undefined);
});

test('any object, any spacing: the result parses to the object with the member renamed', () => {
  const value = fc.jsonValue({ maxDepth: 3 });
  const object = fc.tuple(fc.dictionary(fc.string().filter((key) => key !== 'model'), value, { maxKeys: 5 }), fc.string(), fc.nat(4));
  fc.assert(
    fc.property(object, ([members, model, indent]) => {
      const body = { ...members, model };
      const bytes = Buffer.from(JSON.stringify(body, null, indent));
      const result = replaceTopLevelString(bytes, 'model', 'renamed');
      assert.deepEqual(JSON.parse(String(result)), { ...JSON.parse(String(bytes)), model: 'renamed' });
    }),
  );
});
