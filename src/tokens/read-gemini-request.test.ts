import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FrugalError } from '../errors/frugal-error.ts';
import { estimateGeminiRequest } from './count-request.ts';
import { countTextTokens } from './count-text.ts';

test('matches the recorded countTokens answer: 10 part tokens + 1 role token', () => {
  const body = { contents: [{ parts: [{ text: 'The quick brown fox jumps over the lazy dog.' }], role: 'user' }] };
  assert.equal(estimateGeminiRequest(body, 'gemini-2.5-flash').total, 11);
  // countTokens may wrap a whole generateContent request.
  assert.equal(estimateGeminiRequest({ generateContentRequest: body }, 'gemini-2.5-flash').total, 11);
});

test('blocks follow Gemini prefix order: systemInstruction, tools, contents', () => {
  const body = {
    systemInstruction: { parts: [{ text: 'You are a librarian.' }] },
    tools: [{ functionDeclarations: [{ name: 'find_book', description: 'Find a book by title.', parameters: { type: 'object' } }] }],
    contents: [
      { role: 'user', parts: [{ text: 'Find Dune.' }] },
      { role: 'model', parts: [{ functionCall: { name: 'find_book', args: { title: 'Dune' } } }] },
      { role: 'user', parts: [{ functionResponse: { name: 'find_book', response: { shelf: 'B4' } } }] },
    ],
  };
  const count = estimateGeminiRequest(body, 'gemini-2.5-flash');
  assert.deepEqual(
    count.blocks.map((block) => [block.location, block.section]),
    [
      ['systemInstruction.parts[0]', 'system'],
      ['tools[0].functionDeclarations[0]', 'tools'],
      ['contents[0].parts[0]', 'messages'],
      ['contents[1].parts[0]', 'messages'],
      ['contents[2].parts[0]', 'messages'],
    ],
  );
  const text = (value: string) => countTextTokens(value, 'gemini-2.5-flash');
  assert.equal(count.blocks[0]!.tokens, 1 + text('You are a librarian.'));
  assert.equal(count.blocks[3]!.tokens, 1 + text('find_book') + text('{"title":"Dune"}'));
  assert.equal(count.total, count.blocks.reduce((sum, block) => sum + block.tokens, 0));
});

test('malformed bodies name the offending field', () => {
  assert.throws(
    () => estimateGeminiRequest({ contents: [{ role: 'user', parts: [{ video: 1 }] }] }),
    (error: unknown) => FrugalError.isInstance(error) && /contents\[0\]\.parts\[0\] must be a part with text/.test(error.message),
  );
  assert.throws(() => estimateGeminiRequest({ contents: {} }), /contents must be an array/);
});
