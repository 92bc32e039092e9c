import assert from 'node:assert/strict';
import { test } from 'node:test';
import { countRequestTokens } from '../../tokens/count-request.ts';
import { countBreakdown } from './count-breakdown.ts';

const body = {
  systemInstruction: { parts: [{ text: 'You are a careful librarian.' }] },
  contents: [
    { role: 'user', parts: [{ text: 'Find me a book about tides.' }, { text: 'Something short, please.' }] },
    { role: 'model', parts: [{ text: 'Try "The Tides" by Darwin.' }] },
  ],
  tools: [{ functionDeclarations: [{ name: 'search', description: 'Search the shelves', parameters: { type: 'object', properties: { q: { type: 'string' } } } }] }],
};

/** A part's tokens, counted on its own: a one-part prompt less its role's token. */
const alone = (text: string) => countRequestTokens('gemini', { contents: [{ role: 'user', parts: [{ text }] }] }, 'gemini-2.5-flash').total - 1;

test('each part counts as it would alone, each content and the system instruction adds its role', () => {
  const count = countRequestTokens('gemini', body, 'gemini-2.5-flash');
  const { contentTokens, systemInstructionsTokens } = countBreakdown(count.blocks);
  assert.deepEqual(contentTokens, [
    { partTokens: [alone('Find me a book about tides.'), alone('Something short, please.')], roleTokens: 1 },
    { partTokens: [alone('Try "The Tides" by Darwin.')], roleTokens: 1 },
  ]);
  assert.deepEqual(systemInstructionsTokens, { partTokens: [alone('You are a careful librarian.')], roleTokens: 1 });
  // With the tool declaration (in the total only), the breakdown adds up to the total.
  const tools = countRequestTokens('gemini', { contents: [], tools: body.tools }, 'gemini-2.5-flash').total;
  const parts = [...contentTokens, systemInstructionsTokens].flatMap((content) => [...content.partTokens!, content.roleTokens!]);
  assert.equal(parts.reduce((sum, tokens) => sum + tokens, 0) + tools, count.total);
});

test('no system instruction: an empty object, as recorded', () => {
  const count = countRequestTokens('gemini', { contents: body.contents }, 'gemini-2.5-flash');
  assert.deepEqual(countBreakdown(count.blocks).systemInstructionsTokens, {});
});
