import type { SparseVector } from './sparse-vector.ts';

/**
 * Turns texts into vectors for the semantic cache. Vectors are L2-normalized, so the dot product
 * of two of them is their cosine similarity. `name` identifies the vector space: vectors from
 * embedders with different names must never be compared (a persisted index checks it on open).
 */
export interface Embedder {
  readonly name: string;
  readonly dimensions: number;
  embed(texts: readonly string[]): Promise<Float32Array[]>;
}

/** An embedder whose vectors are mostly zeros can hand them over by their non-zero entries. */
export interface SparseEmbedder extends Embedder {
  embedSparse(texts: readonly string[]): Promise<SparseVector[]>;
}

export function isSparseEmbedder(embedder: Embedder): embedder is SparseEmbedder {
  return typeof (embedder as Partial<SparseEmbedder>).embedSparse === 'function';
}
