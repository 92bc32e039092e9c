import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { FrugalError } from '../errors/frugal-error.ts';
import { countOpenAIChatRequest, countRequestTokens } from './count-request.ts';
import { countTextTokens } from './count-text.ts';
import { WEATHER_REQUEST } from './cookbook-weather-request.ts';
import { pngHeader } from './test-images.ts';

// The first example of OpenAI's cookbook "How to count tokens with tiktoken", whose count the
// cookbook checked against the API's usage.prompt_tokens (the tool example is WEATHER_REQUEST).
const JARGON_MESSAGES = [
  { role: 'system', content: 'You are a helpful, pattern-following assistant that translates corporate jargon into plain English.' },
  { role: 'system', name: 'example_user', content: 'New synergies will help drive top-line growth.' },
  { role: 'system', name: 'example_assistant', content: 'Things working well together will increase revenue.' },
  { role: 'system', name: 'example_user', content: "Let's circle back when we have more bandwidth to touch base on opportunities for increased leverage." },
  { role: 'system', name: 'example_assistant', content: "Let's talk later when we're less busy about how to do better." },
  { role: 'user', content: "This late pivot means we don't have time to boil the ocean for the client deliverable." },
];


test('matches the prompt_tokens the API reported for the cookbook messages', () => {
  for (const model of ['gpt-3.5-turbo', 'gpt-4-0613', 'gpt-4']) assert.equal(countOpenAIChatRequest({ model, messages: JARGON_MESSAGES }).total, 129);
  for (const model of ['gpt-4o', 'gpt-4o-mini']) assert.equal(countOpenAIChatRequest({ model, messages: JARGON_MESSAGES }).total, 124);
});

test('matches the prompt_tokens the API reported for the cookbook tool request', () => {
  assert.equal(countOpenAIChatRequest({ ...WEATHER_REQUEST, model: 'gpt-3.5-turbo' }).total, 105);
  assert.equal(countOpenAIChatRequest({ ...WEATHER_REQUEST, model: 'gpt-4' }).total, 105);
  const count = countOpenAIChatRequest({ ...WEATHER_REQUEST, model: 'gpt-4o' });
  assert.equal(count.total, 101);
  assert.equal(count.exact, true);
  assert.equal(count.encoding, 'o200k_base');
  // Tools sit after the leading system message, as OpenAI renders them into it.
  assert.deepEqual(
    count.blocks.map((block) => [block.location, block.section]),
    [
      ['messages[0]', 'system'],
      ['tools[0]', 'tools'],
      ['messages[1]', 'messages'],
    ],
  );
});

test('counts tool calls, tool results, names and the reply priming', () => {
  const count = (text: string) => countTextTokens(text, 'gpt-4o');
  const body = {
    model: 'gpt-4o',
    messages: [
      { role: 'user', name: 'ana', content: 'Weather in Paris?' },
      { role: 'assistant', content: null, tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } }] },
      { role: 'tool', tool_call_id: 'call_1', content: '{"temp_c":18}' },
    ],
  };
  const result = countOpenAIChatRequest(body);
  // user: 3 + role + content + name + 1
  assert.equal(result.blocks[0]!.tokens, 3 + count('user') + count('Weather in Paris?') + count('ana') + 1);
  // assistant: 3 + role + (tool name + arguments + 3)
  assert.equal(result.blocks[1]!.tokens, 3 + count('assistant') + count('get_weather') + count('{"city":"Paris"}') + 3);
  // tool: 3 + role + content, plus the 3 tokens priming the reply on the last block
  assert.equal(result.blocks[2]!.tokens, 3 + count('tool') + count('{"temp_c":18}') + 3);
  assert.equal(result.total, result.blocks.reduce((sum, block) => sum + block.tokens, 0));
});

test('counts images by the tile rule, reading the size of inline data', () => {
  const image = (url: string, detail?: string) => ({
    model: 'gpt-4o',
    messages: [{ role: 'user', content: [{ type: 'image_url', image_url: detail === undefined ? { url } : { url, detail } }] }],
  });
  const dataUrl = `data:image/png;base64,${pngHeader(2048, 4096).toString('base64')}`;
  // 3 + role "user" (1) + 1105 image tokens + 3 reply priming = 1112.
  assert.equal(countOpenAIChatRequest(image(dataUrl)).total, 1112);
  assert.equal(countOpenAIChatRequest(image(dataUrl, 'low')).total, 3 + 1 + 85 + 3);
  const remote = countOpenAIChatRequest(image('https://example.com/photo.jpg'));
  assert.equal(remote.total, 3 + 1 + 765 + 3);
  assert.match(remote.notes[0]!, /messages\[0\]\.content\[0\].*assumed 1024×1024/);
});

test('a model of another family is estimated with its own rules', () => {
  const claude = countRequestTokens('openai', WEATHER_REQUEST, 'claude-sonnet-4-5');
  assert.equal(claude.exact, false);
  assert.equal(claude.family, 'anthropic');
  // Claude's tool-use system prompt (511 tokens on Sonnet 4.5) lands on the tool block.
  assert.ok(claude.blocks[1]!.tokens > 511);
  assert.equal(countRequestTokens('openai', WEATHER_REQUEST, 'deepseek-chat').family, 'other');
});

test('malformed bodies name the offending field', () => {
  const invalid = (body: unknown, field: RegExp) =>
    assert.throws(
      () => countOpenAIChatRequest(body, 'gpt-4o'),
      (error: unknown) => FrugalError.isInstance(error) && error.code === 'FRUGAL_INVALID_REQUEST' && field.test(error.message),
    );
  invalid('hello', /request body must be an object/);
  invalid({}, /messages must be an array/);
  invalid({ messages: [{ role: 'wizard', content: 'hi' }] }, /messages\[0\]\.role must be one of/);
  invalid({ messages: [{ role: 'user', content: [{ type: 'text' }] }] }, /messages\[0\]\.content\[0\]\.text must be a string/);
  invalid({ messages: [{ role: 'user', content: 'hi' }], tools: [{ type: 'function', function: { description: 'x' } }] }, /tools\[0\]\.name/);
  assert.throws(() => countOpenAIChatRequest({ messages: [] }), /model must be a model name/);
});

test('property: the total is the sum of the blocks and grows with every message', () => {
  const message = fc.record({ role: fc.constantFrom('system', 'user', 'assistant'), content: fc.string({ maxLength: 40 }) });
  fc.assert(
    fc.property(fc.array(message, { maxLength: 6 }), message, (messages, extra) => {
      const before = countOpenAIChatRequest({ model: 'gpt-4o-mini', messages });
      const after = countOpenAIChatRequest({ model: 'gpt-4o-mini', messages: [...messages, extra] });
      assert.equal(before.total, before.blocks.reduce((sum, block) => sum + block.tokens, 0));
      assert.ok(after.total >= before.total + 4, 'a message costs at least 3 tokens plus its role');
    }),
    { numRuns: 200 },
  );
});
