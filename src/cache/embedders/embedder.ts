/**
 * Turns texts into vectors for the semantic cache. Vectors are L2-normalized, so the dot product
 * of two of them is their cosine similarity. `name` identifies the vector space: vectors from
 * embedders with different names must never be compared (a persisted index checks it on open).
 */
export interface Embedder {
  readonly name: string;
  readonly dimensions: number;
  embed(texts: string[]): Promise<Float32Array[]>;
}
