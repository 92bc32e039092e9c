import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ANTHROPIC_DELTAS, GEMINI_DELTAS, groupPieces, OPENAI_DELTAS } from './delta-grouping.ts';

const pieces = Array.from({ length: 40 }, (_, index) => `t${index}`);

test('OpenAI: one piece per delta', () => {
  const { texts, sizes } = groupPieces(pieces, OPENAI_DELTAS);
  assert.deepEqual(texts, pieces);
  assert.ok(sizes.every((size) => size === 1));
});

test('Anthropic and Gemini: growing deltas, the last size repeating, nothing lost', () => {
  // 40 pieces: Anthropic 1 + 2 + 4 + 8 + 16 = 31, then the 9 left; Gemini 1 + 3 + 16, then the 20 left.
  assert.deepEqual(groupPieces(pieces, ANTHROPIC_DELTAS).sizes, [1, 2, 4, 8, 16, 9]);
  assert.deepEqual(groupPieces(pieces, GEMINI_DELTAS).sizes, [1, 3, 16, 20]);
  for (const grouping of [ANTHROPIC_DELTAS, GEMINI_DELTAS]) assert.equal(groupPieces(pieces, grouping).texts.join(''), pieces.join(''));
  assert.deepEqual(groupPieces(['The', ' sky', ' is', ' blue', ' because'], GEMINI_DELTAS).texts, ['The', ' sky is blue', ' because']);
  assert.deepEqual(groupPieces([], GEMINI_DELTAS), { texts: [], sizes: [] });
});
