import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { ApiError, GoogleGenAI } from '@google/genai';
import { startEmulator, type RunningEmulator } from './start-emulator.ts';

let emulator: RunningEmulator;
let client: GoogleGenAI;

before(async () => {
  emulator = await startEmulator({ seed: 5 });
  client = new GoogleGenAI({ apiKey: 'gemini-test', httpOptions: { baseUrl: emulator.urls.gemini } });
});
after(() => emulator.close());

test('generateContent: text, finish reason and usageMetadata with thoughts outside candidates', async () => {
  const response = await client.models.generateContent({
    model: 'gemini-2.5-flash',
    contents: 'Why is the sky blue?',
    config: { maxOutputTokens: 4000, thinkingConfig: { thinkingBudget: 512 } },
  });
  assert.equal(typeof response.text, 'string');
  const usage = response.usageMetadata!;
  assert.ok(usage.thoughtsTokenCount! > 0 && usage.thoughtsTokenCount! <= 512);
  assert.equal(usage.totalTokenCount, usage.promptTokenCount! + (usage.candidatesTokenCount ?? 0) + usage.thoughtsTokenCount!);
  assert.equal(response.modelVersion, 'gemini-2.5-flash');
});

test('a thinking budget of 0 turns thinking off', async () => {
  const response = await client.models.generateContent({
    model: 'gemini-2.5-flash',
    contents: 'Quick answer',
    config: { thinkingConfig: { thinkingBudget: 0 } },
  });
  assert.equal(response.usageMetadata!.thoughtsTokenCount, undefined);
});

test('generateContentStream: chunks with text, the last one with finishReason and usage', async () => {
  const stream = await client.models.generateContentStream({ model: 'gemini-2.0-flash', contents: 'Tell me a story', config: { maxOutputTokens: 30 } });
  let text = '';
  let last;
  for await (const chunk of stream) {
    text += chunk.text ?? '';
    last = chunk;
  }
  assert.ok(text.length > 0);
  assert.ok(last?.candidates?.[0]?.finishReason !== undefined);
  assert.ok(last!.usageMetadata!.candidatesTokenCount! <= 30);
});

test('countTokens agrees with the prompt count of generateContent', async () => {
  const contents = 'The quick brown fox jumps over the lazy dog.';
  const counted = await client.models.countTokens({ model: 'gemini-2.5-flash', contents });
  const generated = await client.models.generateContent({ model: 'gemini-2.5-flash', contents, config: { maxOutputTokens: 5 } });
  assert.equal(counted.totalTokens, generated.usageMetadata!.promptTokenCount);
});

test('an unknown model is a 404 NOT_FOUND ApiError', async () => {
  await assert.rejects(client.models.generateContent({ model: 'custom-gemini-2.0-flash', contents: 'x' }), (error: unknown) => {
    assert.ok(error instanceof ApiError);
    assert.equal(error.status, 404);
    assert.match(error.message, /models\/custom-gemini-2.0-flash is not found/);
    return true;
  });
});

test('implicit caching: a repeated long prefix is reported as cachedContentTokenCount', async () => {
  const system = 'You are a librarian who answers precisely. '.repeat(200);
  const ask = (question: string) =>
    client.models.generateContent({ model: 'gemini-2.5-flash', contents: question, config: { systemInstruction: system, maxOutputTokens: 5, thinkingConfig: { thinkingBudget: 0 } } });
  assert.equal((await ask('First?')).usageMetadata!.cachedContentTokenCount, undefined);
  const cached = (await ask('Second?')).usageMetadata!.cachedContentTokenCount!;
  assert.ok(cached >= 1024, `cached ${cached}`);
});
