import { test } from 'node:test';
import assert from 'node:assert/strict';
import { OpenAIStreamTap } from './openai-stream-tap.ts';

/** The tap sees each event as the bytes of its lines and its blank line. */
function event(data: string): Buffer {
  return Buffer.from(`data: ${data}\n\n`);
}
const ROLE = '{"id":"c","choices":[{"index":0,"delta":{"role":"assistant","content":""}}],"usage":null}';
const TEXT = '{"id":"c","choices":[{"index":0,"delta":{"content":"Hi \\"usage\\": {"}}],"usage":null}';
const USAGE = '{"id":"c","choices":[],"usage":{"prompt_tokens":12,"completion_tokens":4,"total_tokens":16,"prompt_tokens_details":{"cached_tokens":8}}}';

test('usage is read from the usage chunk only; the chunk is dropped for a client that did not ask for it', () => {
  const tap = new OpenAIStreamTap('openai', false);
  assert.equal(tap.observe(event(ROLE)), true);
  assert.equal(tap.contentStarted, false, 'an empty first delta is no content');
  assert.equal(tap.observe(event(TEXT)), true);
  assert.equal(tap.contentStarted, true);
  assert.equal(tap.usage(), undefined, 'text that spells "usage" inside a string is not usage');
  assert.equal(tap.observe(event(USAGE)), false);
  assert.equal(tap.observe(event('[DONE]')), true);
  assert.equal(tap.finished, true);
  assert.deepEqual(tap.usage()?.buckets, { input: 4, cacheRead: 8, cacheWrite5m: 0, cacheWrite1h: 0, output: 4, reasoning: 0 });
});

test('a client that asked for usage keeps the chunk; DeepSeek usage is read in its own shape', () => {
  const tap = new OpenAIStreamTap('deepseek', true);
  assert.equal(tap.observe(event('{"choices":[],"usage":{"prompt_tokens":10,"completion_tokens":2,"total_tokens":12,"prompt_cache_hit_tokens":6,"prompt_cache_miss_tokens":4}}')), true);
  assert.deepEqual(tap.usage()?.buckets, { input: 4, cacheRead: 6, cacheWrite5m: 0, cacheWrite1h: 0, output: 2, reasoning: 0 });
});

test('an error chunk inside the stream is noted with its kind', () => {
  const tap = new OpenAIStreamTap('openai', false);
  tap.observe(event('{"error":{"message":"The server had an error","type":"server_error","code":null}}'));
  assert.deepEqual(tap.error, { kind: 'server', message: 'The server had an error' });
});

test('only a data line of exactly [DONE] ends the stream, not a delta that says it', () => {
  const tap = new OpenAIStreamTap('openai', false);
  tap.observe(event('{"id":"c","choices":[{"index":0,"delta":{"content":"[DONE]"}}],"usage":null}'));
  assert.equal(tap.finished, false);
  tap.observe(Buffer.from('data:[DONE]\r\n\r\n'));
  assert.equal(tap.finished, true);
});
