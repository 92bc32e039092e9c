import assert from 'node:assert/strict';
import { test } from 'node:test';
import { countTextTokens } from '../../tokens/count-text.ts';
import { seededRandom } from '../seeded-random.ts';
import { generatedTokens } from './generated-text.ts';

test('generated prose has exactly the number of tokens reported, on both OpenAI encodings', () => {
  for (const length of [1, 2, 7, 16, 120, 700]) {
    const text = generatedTokens(seededRandom(length), length).join('');
    assert.equal(countTextTokens(text, 'gpt-4o'), length, `o200k_base, ${length} tokens`);
    assert.equal(countTextTokens(text, 'gpt-4-turbo'), length, `cl100k_base, ${length} tokens`);
  }
});

test('the same seed gives the same text', () => {
  assert.deepEqual(generatedTokens(seededRandom(9), 50), generatedTokens(seededRandom(9), 50));
  assert.notDeepEqual(generatedTokens(seededRandom(9), 50), generatedTokens(seededRandom(10), 50));
});
