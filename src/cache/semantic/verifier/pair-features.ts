import type { LexicalEmbedder } from '../../embedders/lexical-embedder.ts';
import { sparseDot } from '../../embedders/sparse-vector.ts';
import { wordIdf, type TextProfile } from './text-profile.ts';

/** The classifier's inputs, in order; a trained model names them so a mismatch is caught on load. */
export const PAIR_FEATURE_NAMES = [
  'cosine',
  'wordIdfCosine',
  'wordJaccard',
  'stemJaccard',
  'unmatchedIdfShare',
  'maxUnmatchedIdfShorter',
  'maxUnmatchedIdfLonger',
  'unmatchedInShorter',
  'unmatchedInLonger',
  'unmatchedWithoutSpellingPartner',
  'unmatchedRareWords',
  'numberMismatch',
  'hasNumbers',
  'negationMismatch',
  'nameMismatch',
  'questionWordMismatch',
  'firstWordSame',
  'lastWordSame',
  'modalMismatch',
  'comparisonMismatch',
  'personMismatch',
  'tenseMismatch',
  'symbolMismatch',
  'lengthRatio',
  'shorterLength',
  'questionCountDifference',
  'longestCommonSubsequenceRatio',
  'bigramJaccard',
  'trigramJaccard',
] as const;

/** IDF of a word found in about 1 text in 150 of the fitting corpus. */
const RARE_WORD_IDF = 6;

function jaccard(left: Set<string>, right: Set<string>): number {
  if (left.size === 0 && right.size === 0) return 1;
  let shared = 0;
  for (const item of left) if (right.has(item)) shared++;
  return shared / (left.size + right.size - shared);
}

function symmetricDifference(left: Set<string>, right: Set<string>): number {
  let count = 0;
  for (const item of left) if (!right.has(item)) count++;
  for (const item of right) if (!left.has(item)) count++;
  return count;
}

function unmatched(source: Set<string>, other: Set<string>): string[] {
  return [...source].filter((item) => !other.has(item));
}

/** Words written differently but spelled alike ("tution" / "tuition") share most letter trigrams. */
function spelledAlike(left: string, right: string): boolean {
  if (left.length < 4 || right.length < 4) return false;
  const grams = (word: string) => {
    const padded = `<${word}>`;
    const set = new Set<string>();
    for (let index = 0; index + 3 <= padded.length; index++) set.add(padded.slice(index, index + 3));
    return set;
  };
  return jaccard(grams(left), grams(right)) >= 0.5;
}

function longestCommonSubsequence(left: string[], right: string[]): number {
  let previous = new Uint16Array(right.length + 1);
  let current = new Uint16Array(right.length + 1);
  for (let i = 1; i <= left.length; i++) {
    for (let j = 1; j <= right.length; j++) {
      current[j] = left[i - 1] === right[j - 1] ? previous[j - 1]! + 1 : Math.max(previous[j]!, current[j - 1]!);
    }
    [previous, current] = [current, previous];
  }
  return previous[right.length]!;
}

/** Features of one pair: how alike the texts are, and the kinds of difference that flip a meaning. */
export function pairFeatures(left: TextProfile, right: TextProfile, embedder: LexicalEmbedder): number[] {
  const [shorter, longer] = left.words.length <= right.words.length ? [left, right] : [right, left];
  const idf = (word: string) => wordIdf(embedder, word);
  const missingFromLonger = unmatched(shorter.stems, longer.stems);
  const missingFromShorter = unmatched(longer.stems, shorter.stems);

  let sharedSquares = 0;
  let leftSquares = 0;
  let rightSquares = 0;
  for (const word of left.wordSet) {
    const weight = idf(word) ** 2;
    leftSquares += weight;
    if (right.wordSet.has(word)) sharedSquares += weight;
  }
  for (const word of right.wordSet) rightSquares += idf(word) ** 2;

  let unionIdf = 0;
  for (const stem of left.stems) unionIdf += idf(stem);
  for (const stem of missingFromShorter) unionIdf += idf(stem);
  const unmatchedIdf = [...missingFromLonger, ...missingFromShorter].reduce((sum, stem) => sum + idf(stem), 0);
  const maxIdf = (stems: string[]) => stems.reduce((max, stem) => Math.max(max, idf(stem)), 0);
  const withoutPartner =
    missingFromLonger.filter((word) => !missingFromShorter.some((other) => spelledAlike(word, other))).length +
    missingFromShorter.filter((word) => !missingFromLonger.some((other) => spelledAlike(word, other))).length;
  const lastWord = (profile: TextProfile) => profile.words[profile.words.length - 1];

  return [
    sparseDot(left.vector, right.vector),
    leftSquares === 0 || rightSquares === 0 ? 0 : sharedSquares / Math.sqrt(leftSquares * rightSquares),
    jaccard(left.wordSet, right.wordSet),
    jaccard(left.stems, right.stems),
    unionIdf === 0 ? 0 : unmatchedIdf / unionIdf,
    maxIdf(missingFromLonger),
    maxIdf(missingFromShorter),
    missingFromLonger.length,
    missingFromShorter.length,
    withoutPartner,
    [...missingFromLonger, ...missingFromShorter].filter((stem) => idf(stem) >= RARE_WORD_IDF).length,
    symmetricDifference(left.numbers, right.numbers),
    left.numbers.size + right.numbers.size > 0 ? 1 : 0,
    Math.abs(left.negations - right.negations),
    symmetricDifference(left.names, right.names),
    symmetricDifference(left.questionWords, right.questionWords),
    left.words[0] !== undefined && left.words[0] === right.words[0] ? 1 : 0,
    lastWord(left) !== undefined && lastWord(left) === lastWord(right) ? 1 : 0,
    symmetricDifference(left.modals, right.modals),
    symmetricDifference(left.comparisons, right.comparisons),
    symmetricDifference(left.persons, right.persons),
    left.past === right.past ? 0 : 1,
    symmetricDifference(left.symbols, right.symbols),
    longer.words.length === 0 ? 1 : shorter.words.length / longer.words.length,
    shorter.words.length,
    Math.abs(left.questionMarks - right.questionMarks),
    longer.words.length === 0 ? 1 : longestCommonSubsequence(left.words, right.words) / longer.words.length,
    jaccard(left.bigrams, right.bigrams),
    jaccard(left.trigrams, right.trigrams),
  ];
}
