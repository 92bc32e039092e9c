import { hashText } from '../prefix-hash.ts';
import { seededRandom } from '../seeded-random.ts';

/** Native widths of the embedding models the catalog lists; others get 1,536. */
const NATIVE_DIMENSIONS: Record<string, number> = {
  'text-embedding-3-small': 1536,
  'text-embedding-3-large': 3072,
  'text-embedding-ada-002': 1536,
  'gemini-embedding-001': 3072,
  'text-embedding-004': 768,
};

export function nativeDimensions(model: string): number {
  return NATIVE_DIMENSIONS[model] ?? 1536;
}

/**
 * A unit vector seeded by (seed, text): the same text always embeds to the same vector, different
 * texts to nearly orthogonal ones.
 */
export function embeddingVector(text: string, dimensions: number, seed: number): Float32Array {
  const random = seededRandom(hashText(text, seed) % 4294967296);
  const vector = new Float32Array(dimensions);
  let squares = 0;
  for (let index = 0; index < dimensions; index++) {
    const value = random.next() * 2 - 1;
    vector[index] = value;
    squares += value * value;
  }
  const norm = Math.sqrt(squares) || 1;
  for (let index = 0; index < dimensions; index++) vector[index] = (vector[index] as number) / norm;
  return vector;
}
