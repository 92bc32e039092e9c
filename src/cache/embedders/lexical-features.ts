import { featureHash } from './feature-hash.ts';
import { words } from './words.ts';

/** How texts become hashed features; part of a fitted table, since vectors depend on it. */
export interface LexicalFeatureOptions {
  /** Number of hash buckets (the vector width). */
  dimensions: number;
  /** Weight of whole words, of adjacent word pairs (word order) and of character n-grams (spelling variants). */
  wordWeight: number;
  bigramWeight: number;
  charWeight: number;
  /** Length of the character n-grams, taken inside each word padded with boundary marks. */
  charGram: number;
  /**
   * Features found in more than this share of the corpus's texts ("what", "is", "the") get no
   * weight: they barely move a cosine, and their index lists are the longest to walk.
   */
  maxDocumentShare: number;
}

export const DEFAULT_LEXICAL_FEATURES: LexicalFeatureOptions = {
  dimensions: 16_384,
  wordWeight: 1,
  bigramWeight: 0.2,
  // Character n-grams multiply the features per text by four and the index's work with them,
  // without moving Quora recall at a 1% false-hit rate (6.5% with, 6.4% without): off. The
  // verifier compares spellings itself.
  charWeight: 0,
  charGram: 3,
  maxDocumentShare: 0.05,
};

/**
 * Term weights before IDF: bucket → group weight × (1 + ln count) for each distinct feature,
 * summed over the features that share a bucket.
 */
export function lexicalTerms(text: string, options: LexicalFeatureOptions): Map<number, number> {
  const counts = new Map<string, number>();
  const add = (feature: string) => counts.set(feature, (counts.get(feature) ?? 0) + 1);
  const tokens = words(text);
  for (let index = 0; index < tokens.length; index++) {
    const word = tokens[index]!;
    add(`w${word}`);
    if (index > 0) add(`b${tokens[index - 1]} ${word}`);
    if (options.charWeight === 0) continue;
    const padded = `<${word}>`;
    for (let start = 0; start + options.charGram <= padded.length; start++) {
      add(`c${padded.slice(start, start + options.charGram)}`);
    }
  }
  const terms = new Map<number, number>();
  for (const [feature, count] of counts) {
    const group = feature[0] === 'w' ? options.wordWeight : feature[0] === 'b' ? options.bigramWeight : options.charWeight;
    const bucket = featureHash(feature) % options.dimensions;
    terms.set(bucket, (terms.get(bucket) ?? 0) + group * (1 + Math.log(count)));
  }
  return terms;
}
