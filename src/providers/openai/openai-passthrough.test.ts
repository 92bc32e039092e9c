import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openAIAdapter } from './openai-adapter.ts';

const passthrough = openAIAdapter().passthrough!;

function prepare(text: string, model = 'gpt-4o-mini'): string {
  return String(passthrough.prepare(JSON.parse(text) as Record<string, unknown>, Buffer.from(text), model));
}

test('a stream asks for usage with one member put first; the client\'s bytes are otherwise untouched', () => {
  const text = '{"model": "gpt-4o-mini", "stream": true,  "messages": [{"role": "user", "content": "hi"}], "x_vendor": 1}';
  assert.equal(prepare(text), `{"stream_options":{"include_usage":true},${text.slice(1)}`);
});

test('options the client set are kept beside include_usage; a client that asked already is left alone', () => {
  const options = '{"model":"gpt-4o-mini","stream":true,"stream_options":{"include_usage":false,"x":1},"messages":[]}';
  assert.deepEqual(JSON.parse(prepare(options)).stream_options, { include_usage: true, x: 1 });
  const asked = '{"model":"gpt-4o-mini","stream":true,"stream_options":{"include_usage":true},"messages":[]}';
  assert.equal(prepare(asked), asked);
});

test('a renamed model (alias, route) is written in place; no member is ever duplicated', () => {
  const text = '{"model": "fast", "stream": true, "messages": [{"role": "user", "content": "the model"}]}';
  const sent = prepare(text);
  assert.equal(sent, `{"stream_options":{"include_usage":true},${text.slice(1).replace('"fast"', '"gpt-4o-mini"')}`);
  assert.equal(sent.split('"model"').length, 2);
  const escaped = prepare('{"mod\\u0065l":"fast","messages":[]}');
  assert.deepEqual(JSON.parse(escaped), { model: 'gpt-4o-mini', messages: [] }, 'a name it cannot find in place is re-serialized');
});
