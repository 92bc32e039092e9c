import { test } from 'node:test';
import assert from 'node:assert/strict';
import { snapshotEntries } from '../test-support/fixtures.ts';
import { assertSameShape } from '../test-support/shape.ts';
import { OPENAI_COMPATIBLE_HOSTS } from '../openai-compatible/hosts.ts';
import { decodeOpenAIChatResponse } from './decode-response.ts';
import { encodeOpenAIChatResponse } from './encode-response.ts';
import type { OpenAIChatResponse } from './wire-types.ts';

const responses = [...snapshotEntries('openai/parser.test.ts.snap').values()].map((text) => JSON.parse(text) as OpenAIChatResponse);

test('recorded chat.completion bodies decode and re-encode to themselves (annotations: [] added, as the API now sends)', () => {
  assert.equal(responses.length, 6);
  for (const response of responses) {
    const decoded = decodeOpenAIChatResponse(response);
    const encoded = encodeOpenAIChatResponse(decoded.value);
    assert.deepEqual(encoded.dropped, []);
    const expected = structuredClone(response);
    for (const choice of expected.choices) choice.message.annotations = [];
    assert.deepEqual(encoded.value, expected);
  }
});

test('recorded usage normalizes to exclusive buckets', () => {
  const decoded = decodeOpenAIChatResponse(responses[0] as OpenAIChatResponse).value;
  // prompt 17 (no cached detail) → input 17; completion 10 → output 10
  assert.deepEqual(decoded.usage?.buckets, { input: 17, cacheRead: 0, cacheWrite5m: 0, cacheWrite1h: 0, output: 10, reasoning: 0 });
});

test('a response from another protocol has every field of a recorded OpenAI body', () => {
  const decoded = decodeOpenAIChatResponse(responses[0] as OpenAIChatResponse).value;
  const encoded = encodeOpenAIChatResponse({ ...decoded, usage: { ...decoded.usage!, format: 'anthropic' } }).value;
  assertSameShape(encoded, responses[0], ['annotations', 'prompt_tokens_details', 'completion_tokens_details']);
});

test('DeepSeek responses: reasoning_content is a thinking part and usage is read with hit/miss fields', () => {
  const body = {
    id: 'd1',
    object: 'chat.completion',
    created: 1,
    model: 'deepseek-reasoner',
    choices: [{ index: 0, message: { role: 'assistant', content: '4', reasoning_content: '2+2', refusal: null }, logprobs: null, finish_reason: 'stop' }],
    usage: { prompt_tokens: 10, completion_tokens: 8, total_tokens: 18, prompt_cache_hit_tokens: 6, prompt_cache_miss_tokens: 4, completion_tokens_details: { reasoning_tokens: 5 } },
  } as unknown as OpenAIChatResponse;
  const dialect = OPENAI_COMPATIBLE_HOSTS.deepseek.dialect;
  const decoded = decodeOpenAIChatResponse(body, dialect).value;
  assert.deepEqual(decoded.choices[0]?.content, [
    { type: 'thinking', text: '2+2' },
    { type: 'text', text: '4' },
  ]);
  // hit 6 → cacheRead, miss 4 → input; completion 8 − reasoning 5 → output 3
  assert.deepEqual(decoded.usage?.buckets, { input: 4, cacheRead: 6, cacheWrite5m: 0, cacheWrite1h: 0, output: 3, reasoning: 5 });
  const encoded = encodeOpenAIChatResponse(decoded, dialect).value;
  assert.equal(encoded.choices[0]?.message.reasoning_content, '2+2');
  assert.deepEqual(encoded.usage, body.usage);
});

test('a host that answers finish_reason "stop" with tool calls decodes as tool_use', () => {
  const body = {
    id: 'v1',
    object: 'chat.completion',
    created: 1,
    model: 'llama',
    choices: [{ index: 0, message: { role: 'assistant', content: null, refusal: null, tool_calls: [{ id: 'c', type: 'function', function: { name: 'f', arguments: '{}' } }] }, logprobs: null, finish_reason: 'stop' }],
  } as unknown as OpenAIChatResponse;
  assert.equal(decodeOpenAIChatResponse(body).value.choices[0]?.stopReason, 'tool_use');
});
