import { featureHash } from '../../embedders/feature-hash.ts';
import type { LexicalEmbedder } from '../../embedders/lexical-embedder.ts';
import type { SparseVector } from '../../embedders/sparse-vector.ts';
import { casedWords, normalizeText, words } from '../../embedders/words.ts';

const NEGATIONS = new Set(['not', 'no', 'never', 'none', 'nobody', 'nothing', 'neither', 'nor', 'nowhere', 'without', 'cannot', 'cant', 'dont', 'doesnt', 'isnt', 'wont']);
const QUESTION_WORDS = new Set(['what', 'why', 'how', 'when', 'where', 'who', 'whom', 'whose', 'which', 'whether']);
const MODALS = new Set(['can', 'could', 'should', 'would', 'will', 'must', 'may', 'might', 'shall']);
const PERSONS = new Set(['i', 'me', 'my', 'mine', 'myself', 'you', 'your', 'yours', 'we', 'our', 'us', 'he', 'him', 'his', 'she', 'her', 'they', 'them', 'their', 'one']);
const PAST = new Set(['was', 'were', 'did', 'had', 'been', 'used']);
const COMPARISONS = new Set([
  'best', 'worst', 'better', 'worse', 'good', 'bad', 'most', 'least', 'more', 'less', 'first', 'last',
  'before', 'after', 'difference', 'vs', 'versus', 'between', 'cheapest', 'easiest', 'fastest', 'top',
]);

/** Everything the pair features need from one text, computed once per text. */
export interface TextProfile {
  words: string[];
  wordSet: Set<string>;
  /** Words with a crude suffix strip, so "buying" meets "buy". */
  stems: Set<string>;
  numbers: Set<string>;
  negations: number;
  /** Several question marks: several questions in one text. */
  questionMarks: number;
  /** Lower-cased words written with a capital letter past the first word: names, places, products. */
  names: Set<string>;
  questionWords: Set<string>;
  modals: Set<string>;
  comparisons: Set<string>;
  /** Who is asked about ("I" / "you" / "they") and whether it is asked in the past tense. */
  persons: Set<string>;
  past: boolean;
  /** Symbols the word splitter drops but that change a question: "C*B" vs "C+B", "#" vs "##". */
  symbols: Set<string>;
  bigrams: Set<string>;
  trigrams: Set<string>;
  vector: SparseVector;
}

export function stem(word: string): string {
  const base = word.endsWith("'s") ? word.slice(0, -2) : word;
  if (base.length > 4 && base.endsWith('ies')) return `${base.slice(0, -3)}y`;
  if (base.length > 5 && base.endsWith('ing')) return base.slice(0, -3);
  if (base.length > 4 && base.endsWith('ed')) return base.slice(0, -2);
  if (base.length > 4 && base.endsWith('es')) return base.slice(0, -2);
  if (base.length > 3 && base.endsWith('s') && !base.endsWith('ss')) return base.slice(0, -1);
  return base;
}

export function profileText(text: string, embedder: LexicalEmbedder): TextProfile {
  const tokens = words(text);
  const names = new Set<string>();
  const cased = casedWords(text);
  for (let index = 1; index < cased.length; index++) {
    const word = cased[index]!;
    if (word !== 'I' && /^\p{Lu}/u.test(word)) names.add(word.toLowerCase());
  }
  let negations = 0;
  for (const word of tokens) {
    if (NEGATIONS.has(word) || word.endsWith("n't")) negations++;
  }
  const bigrams = new Set<string>();
  for (let index = 1; index < tokens.length; index++) bigrams.add(`${tokens[index - 1]} ${tokens[index]}`);
  const trigrams = new Set<string>();
  const flat = ` ${normalizeText(text).replace(/\s+/g, ' ').trim()} `;
  for (let index = 0; index + 3 <= flat.length; index++) trigrams.add(flat.slice(index, index + 3));
  return {
    words: tokens,
    wordSet: new Set(tokens),
    stems: new Set(tokens.map(stem)),
    numbers: new Set(tokens.filter((word) => /^\d/.test(word))),
    negations,
    questionMarks: text.split('?').length - 1,
    names,
    questionWords: new Set(tokens.filter((word) => QUESTION_WORDS.has(word))),
    modals: new Set(tokens.filter((word) => MODALS.has(word))),
    comparisons: new Set(tokens.filter((word) => COMPARISONS.has(word))),
    persons: new Set(tokens.filter((word) => PERSONS.has(word))),
    past: tokens.some((word) => PAST.has(word) || (word.length > 4 && word.endsWith('ed'))),
    symbols: new Set(text.match(/[^\p{L}\p{N}\s.,?!'"’:;-]+/gu) ?? []),
    bigrams,
    trigrams,
    vector: embedder.sparse(text),
  };
}

/** IDF of a whole word in the embedder's table: how rare, so how telling, a differing word is. */
export function wordIdf(embedder: LexicalEmbedder, word: string): number {
  return embedder.idf.weights[featureHash(`w${word}`) % embedder.dimensions]!;
}
