import { FrugalError } from '../../errors/frugal-error.ts';
import { hashString } from '../hashing/string-hash.ts';
import { normalizeInPlace, type Embedder } from './embedder.ts';

/** What a trained lexical embedder stores: its width and the inverse document frequency per bucket. */
export interface LexicalEmbedderState {
  kind: 'lexical';
  dimensions: number;
  /** Fitted IDF per bucket; a bucket never seen in training gets the largest IDF. */
  idf: number[];
}

export const DEFAULT_LEXICAL_DIMENSIONS = 512;
const WORD = /[\p{L}\p{N}]+/gu;
const CHARACTER_GRAMS = [3, 4] as const;
// Distinct seeds keep a word, a bigram and a character gram with the same letters apart.
const WORD_SEED = 0x9e3779b1;
const BIGRAM_SEED = 0x85ebca77;
const GRAM_SEED = 0xc2b2ae3d;

/** Hashed feature → count for one text: words, word bigrams and character 3- and 4-grams. */
function hashedCounts(text: string): Map<number, number> {
  const counts = new Map<number, number>();
  const add = (key: number) => counts.set(key, (counts.get(key) ?? 0) + 1);
  const lower = text.toLowerCase();
  const words = lower.match(WORD) ?? [];
  for (let index = 0; index < words.length; index++) {
    add(hashString(words[index]!, WORD_SEED));
    if (index > 0) add(hashString(`${words[index - 1]} ${words[index]}`, BIGRAM_SEED));
  }
  const joined = ` ${words.join(' ')} `;
  for (const size of CHARACTER_GRAMS) {
    for (let start = 0; start + size <= joined.length; start++) add(hashString(joined.slice(start, start + size), GRAM_SEED + size));
  }
  return counts;
}

/**
 * The built-in offline embedder: hashed word, word-bigram and character n-gram features with
 * sublinear TF × IDF weights, folded into `dimensions` buckets with a hash sign (so collisions
 * cancel rather than pile up) and L2-normalized. IDF is fitted on training texts with `fit`.
 */
export class LexicalEmbedder implements Embedder {
  readonly name = 'lexical';
  readonly dimensions: number;
  readonly #idf: Float32Array;

  private constructor(dimensions: number, idf: Float32Array) {
    this.dimensions = dimensions;
    this.#idf = idf;
  }

  /** Fits IDF on `texts` (the router's training prompts). */
  static fit(texts: readonly string[], dimensions = DEFAULT_LEXICAL_DIMENSIONS): LexicalEmbedder {
    if (!Number.isInteger(dimensions) || dimensions < 8) {
      throw new FrugalError('FRUGAL_INVALID_ARGUMENT', `lexical embedder dimensions must be an integer ≥ 8, got ${dimensions}`);
    }
    const documents = new Float64Array(dimensions);
    for (const text of texts) {
      const seen = new Set<number>();
      for (const key of hashedCounts(text).keys()) seen.add(key % dimensions);
      for (const bucket of seen) documents[bucket]!++;
    }
    const idf = new Float32Array(dimensions);
    for (let bucket = 0; bucket < dimensions; bucket++) idf[bucket] = Math.log((1 + texts.length) / (1 + documents[bucket]!)) + 1;
    return new LexicalEmbedder(dimensions, idf);
  }

  static fromState(state: LexicalEmbedderState): LexicalEmbedder {
    if (state.kind !== 'lexical' || !Array.isArray(state.idf) || state.idf.length !== state.dimensions) {
      throw new FrugalError('FRUGAL_INVALID_DATA', `lexical embedder state must have kind "lexical" and ${state.dimensions} IDF values`);
    }
    return new LexicalEmbedder(state.dimensions, Float32Array.from(state.idf));
  }

  toState(): LexicalEmbedderState {
    return { kind: 'lexical', dimensions: this.dimensions, idf: Array.from(this.#idf, (value) => Math.round(value * 1e5) / 1e5) };
  }

  /** Synchronous form for the request path (no I/O). */
  embedOne(text: string): Float32Array {
    const vector = new Float32Array(this.dimensions);
    for (const [key, count] of hashedCounts(text)) {
      const bucket = key % this.dimensions;
      const sign = key & 0x80000000 ? -1 : 1;
      vector[bucket]! += sign * (1 + Math.log(count)) * this.#idf[bucket]!;
    }
    return normalizeInPlace(vector);
  }

  async embed(texts: readonly string[]): Promise<Float32Array[]> {
    return texts.map((text) => this.embedOne(text));
  }
}
