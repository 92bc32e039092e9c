import assert from 'node:assert/strict';
import { test } from 'node:test';
import { shippedLexicalEmbedder } from '../../embedders/shipped-lexical-embedder.ts';
import { pairFeatures, PAIR_FEATURE_NAMES } from './pair-features.ts';
import { profileText, stem } from './text-profile.ts';

const embedder = shippedLexicalEmbedder();

function features(left: string, right: string): Record<(typeof PAIR_FEATURE_NAMES)[number], number> {
  const values = pairFeatures(profileText(left, embedder), profileText(right, embedder), embedder);
  return Object.fromEntries(PAIR_FEATURE_NAMES.map((name, index) => [name, values[index]!])) as Record<(typeof PAIR_FEATURE_NAMES)[number], number>;
}

test('identical texts: cosine 1, full overlap, no mismatch of any kind', () => {
  const same = features('Can you pass a urine test for meth in 4 days?', 'Can you pass a urine test for meth in 4 days?');
  assert.ok(Math.abs(same.cosine - 1) < 1e-6);
  assert.equal(same.wordJaccard, 1);
  assert.equal(same.unmatchedIdfShare, 0);
  for (const name of ['numberMismatch', 'negationMismatch', 'nameMismatch', 'questionWordMismatch', 'modalMismatch', 'personMismatch', 'symbolMismatch'] as const) {
    assert.equal(same[name], 0, name);
  }
  assert.equal(same.lengthRatio, 1);
  assert.equal(same.longestCommonSubsequenceRatio, 1);
});

test('the differences that flip a meaning are counted', () => {
  // {4} vs {5}: symmetric difference of 2 numbers.
  assert.equal(features('Can meth be detected in 4 days?', 'Can meth be detected in 5 days?').numberMismatch, 2);
  // "cannot" is a negation, "can" is not: counts 1 and 0.
  assert.equal(features('What are the things Muslims cannot do in India?', 'What are the things Muslims can do in India?').negationMismatch, 1);
  // Capitalized past the first word: {paris} vs {london}.
  assert.equal(features('Is it safe to travel to Paris now?', 'Is it safe to travel to London now?').nameMismatch, 2);
  // {why} vs {how}; first words differ.
  const why = features('Why do cats purr?', 'How do cats purr?');
  assert.equal(why.questionWordMismatch, 2);
  assert.equal(why.firstWordSame, 0);
  assert.equal(features('Which language is better, C++ or C#?', 'Which language is better, C++ or C?').symbolMismatch, 1);
  assert.equal(features('How do I become a dentist?', 'How do you become a dentist?').personMismatch, 2);
  assert.equal(features('Who is the best teacher?', 'Who is the worst teacher?').comparisonMismatch, 2);
});

test('length ratio and the shorter text’s length, in words', () => {
  // 3 words vs 6 words: ratio 0.5, shorter length 3.
  const pair = features('Learn Python fast', 'How to learn Python really fast');
  assert.equal(pair.lengthRatio, 0.5);
  assert.equal(pair.shorterLength, 3);
});

test('a misspelled word has a spelling partner; a different word does not', () => {
  // <definately> and <definitely> share 7 of 13 letter trigrams (Jaccard 0.54 ≥ 0.5).
  assert.equal(features('Is it definately safe?', 'Is it definitely safe?').unmatchedWithoutSpellingPartner, 0);
  assert.equal(features('What is the tuition fee at MIT?', 'What is the housing fee at MIT?').unmatchedWithoutSpellingPartner, 2);
});

test('stems meet across plural and -ing forms', () => {
  assert.equal(stem('companies'), 'company');
  assert.equal(stem('buying'), 'buy');
  assert.equal(stem('glass'), 'glass');
});
