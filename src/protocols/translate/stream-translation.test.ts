import { test } from 'node:test';
import assert from 'node:assert/strict';
import Anthropic from '@anthropic-ai/sdk';
import { GoogleGenAI } from '@google/genai';
import fc from 'fast-check';
import OpenAI from 'openai';
import type { Protocol } from '../canonical/protocol.ts';
import { geminiRecording, geminiSse, readFixture, snapshotEntries } from '../test-support/fixtures.ts';
import { StreamTranslator } from './stream-translator.ts';

const ANTHROPIC_TOOL_USE = readFixture('anthropic/tests_lib_fixtures_tool_use_response.txt');
const OPENAI_TEXT = snapshotEntries('openai/ChatCompletionStream.test.ts.snap').get('.stream() works 1') as string;
const GEMINI_TEXT = geminiSse(geminiRecording('Chats_Tests_sendMessage_Google_AI_with_config_stream.json').responseSegments);

function translate(body: string, from: Protocol, to: Protocol): { text: string; dropped: string[] } {
  const translator = new StreamTranslator(from, to, { to: { includeUsage: true } });
  const text = translator.push(body) + translator.end();
  return { text, dropped: translator.dropped };
}

/** A fetch that answers every request with this SSE body, so the official SDKs parse our output. */
function serve(body: string): typeof fetch {
  return async () => new Response(body, { status: 200, headers: { 'content-type': 'text/event-stream' } });
}

function openAIClient(body: string): OpenAI {
  return new OpenAI({ apiKey: 'test', baseURL: 'http://emulator.invalid/v1', fetch: serve(body), maxRetries: 0 });
}

function anthropicClient(body: string): Anthropic {
  return new Anthropic({ apiKey: 'test', baseURL: 'http://emulator.invalid', fetch: serve(body), maxRetries: 0 });
}

test('an Anthropic tool-use stream becomes an OpenAI stream whose accumulated tool call and usage are right', async () => {
  const { text } = translate(ANTHROPIC_TOOL_USE, 'anthropic-messages', 'openai-chat');
  const completion = await openAIClient(text)
    .chat.completions.stream({ model: 'gpt-4o', messages: [{ role: 'user', content: 'Weather in Paris?' }], stream_options: { include_usage: true } })
    .finalChatCompletion();
  const choice = completion.choices[0];
  assert.equal(choice?.message.content, "I'll check the current weather in Paris for you.");
  assert.deepEqual(choice?.message.tool_calls, [
    { id: 'toolu_01NRLabsLyVHZPKxbKvkfSMn', type: 'function', function: { name: 'get_weather', arguments: '{"location": "Paris"}' } },
  ]);
  assert.equal(choice?.finish_reason, 'tool_calls');
  // Anthropic input 377 (no cache) → prompt_tokens 377; output 65 → completion_tokens 65; total 442
  assert.equal(completion.usage?.prompt_tokens, 377);
  assert.equal(completion.usage?.completion_tokens, 65);
  assert.equal(completion.usage?.total_tokens, 442);
});

test('an OpenAI stream becomes an Anthropic stream that the SDK accumulates into the same message', async () => {
  const { text } = translate(OPENAI_TEXT, 'openai-chat', 'anthropic-messages');
  const message = await anthropicClient(text)
    .messages.stream({ model: 'claude-opus-4-8', max_tokens: 100, messages: [{ role: 'user', content: 'Hi' }] })
    .finalMessage();
  assert.deepEqual(message.content, [{ type: 'text', text: '{"city":"San Francisco","units":"c"}' }]);
  assert.equal(message.stop_reason, 'end_turn');
  // OpenAI prompt 17, completion 10 arrive at the end: message_delta carries them cumulatively
  assert.equal(message.usage.input_tokens, 17);
  assert.equal(message.usage.output_tokens, 10);
});

test('an OpenAI tool-call stream becomes Anthropic tool_use with its input parsed by the SDK', async () => {
  const chunk = (delta: object, finish: string | null = null) =>
    `data: ${JSON.stringify({ id: 'chatcmpl-1', object: 'chat.completion.chunk', created: 1, model: 'gpt-4o', choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }] })}\n\n`;
  const body =
    chunk({ role: 'assistant', content: null, tool_calls: [{ index: 0, id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '' } }], refusal: null }) +
    chunk({ tool_calls: [{ index: 0, function: { arguments: '{"loc' } }] }) +
    chunk({ tool_calls: [{ index: 0, function: { arguments: 'ation":"Oslo"}' } }] }) +
    chunk({}, 'tool_calls') +
    `data: ${JSON.stringify({ id: 'chatcmpl-1', object: 'chat.completion.chunk', created: 1, model: 'gpt-4o', choices: [], usage: { prompt_tokens: 50, completion_tokens: 12, total_tokens: 62, prompt_tokens_details: { cached_tokens: 32 } } })}\n\n` +
    'data: [DONE]\n\n';
  const { text } = translate(body, 'openai-chat', 'anthropic-messages');
  const message = await anthropicClient(text)
    .messages.stream({ model: 'claude-opus-4-8', max_tokens: 100, messages: [{ role: 'user', content: 'Weather?' }] })
    .finalMessage();
  assert.deepEqual(message.content, [{ type: 'tool_use', id: 'call_1', name: 'get_weather', input: { location: 'Oslo' } }]);
  assert.equal(message.stop_reason, 'tool_use');
  // OpenAI prompt 50 includes 32 cached → Anthropic input_tokens 18 (exclusive) + cache_read_input_tokens 32
  assert.equal(message.usage.input_tokens, 18);
  assert.equal(message.usage.cache_read_input_tokens, 32);
  assert.equal(message.usage.output_tokens, 12);
});

test('a Gemini stream becomes OpenAI and Anthropic streams with the same text, stop reason and usage', async () => {
  const openai = translate(GEMINI_TEXT, 'gemini', 'openai-chat');
  const completion = await openAIClient(openai.text)
    .chat.completions.stream({ model: 'gemini-2.0-flash', messages: [{ role: 'user', content: 'why is the sky blue?' }] })
    .finalChatCompletion();
  const expected = "The sky is blue because of a phenomenon called **Rayleigh scattering**. Here's a breakdown:";
  assert.equal(completion.choices[0]?.message.content, expected);
  assert.equal(completion.choices[0]?.finish_reason, 'length');
  assert.deepEqual([completion.usage?.prompt_tokens, completion.usage?.completion_tokens], [6, 20]);

  const anthropic = translate(GEMINI_TEXT, 'gemini', 'anthropic-messages');
  const message = await anthropicClient(anthropic.text)
    .messages.stream({ model: 'gemini-2.0-flash', max_tokens: 20, messages: [{ role: 'user', content: 'why is the sky blue?' }] })
    .finalMessage();
  assert.equal(message.content[0]?.type === 'text' && message.content[0].text, expected);
  assert.equal(message.stop_reason, 'max_tokens');
  assert.deepEqual([message.usage.input_tokens, message.usage.output_tokens], [6, 20]);
});

test('an Anthropic tool-use stream becomes a Gemini stream the @google/genai SDK reads as a function call', async () => {
  const { text } = translate(ANTHROPIC_TOOL_USE, 'anthropic-messages', 'gemini');
  const client = new GoogleGenAI({ apiKey: 'test', httpOptions: { baseUrl: 'http://emulator.invalid', fetch: serve(text) } });
  const chunks = [];
  for await (const chunk of await client.models.generateContentStream({ model: 'gemini-2.5-flash', contents: 'Weather in Paris?' })) chunks.push(chunk);
  const calls = chunks.flatMap((chunk) => chunk.functionCalls ?? []);
  assert.deepEqual(calls, [{ name: 'get_weather', args: { location: 'Paris' }, id: 'toolu_01NRLabsLyVHZPKxbKvkfSMn' }]);
  const streamedText = chunks.flatMap((chunk) => chunk.candidates?.[0]?.content?.parts ?? []).map((part) => part.text ?? '').join('');
  assert.equal(streamedText, "I'll check the current weather in Paris for you.");
  const last = chunks.at(-1);
  assert.equal(last?.candidates?.[0]?.finishReason, 'STOP');
  assert.deepEqual([last?.usageMetadata?.promptTokenCount, last?.usageMetadata?.candidatesTokenCount], [377, 65]);
});

test('what a target cannot carry is reported: Anthropic thinking and its signature on the OpenAI wire', () => {
  const { dropped } = translate(readFixture('anthropic/tests_fixtures_fable-fallback_stream-a-refusal.sse'), 'anthropic-messages', 'openai-chat');
  assert.deepEqual(dropped, ['choices[0].thinking', 'choices[0].content[0].signature']);
});

test('property: splitting the upstream bytes anywhere never changes the translated stream', () => {
  const cases: Array<[string, Protocol, Protocol]> = [
    [ANTHROPIC_TOOL_USE, 'anthropic-messages', 'openai-chat'],
    [OPENAI_TEXT, 'openai-chat', 'gemini'],
    [GEMINI_TEXT, 'gemini', 'anthropic-messages'],
  ];
  const whole = cases.map(([body, from, to]) => translate(body, from, to).text.replace(/"created":\d+/g, ''));
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 2 }), fc.array(fc.nat(), { maxLength: 20 }), (which, cuts) => {
      const [body, from, to] = cases[which] as [string, Protocol, Protocol];
      const bytes = new TextEncoder().encode(body);
      const positions = [...new Set(cuts.map((cut) => cut % (bytes.length + 1)))].sort((a, b) => a - b);
      const translator = new StreamTranslator(from, to, { to: { includeUsage: true } });
      let output = '';
      let start = 0;
      for (const position of [...positions, bytes.length]) {
        output += translator.push(bytes.slice(start, position));
        start = position;
      }
      output += translator.end();
      assert.equal(output.replace(/"created":\d+/g, ''), whole[which]);
    }),
    { numRuns: 150 },
  );
});
