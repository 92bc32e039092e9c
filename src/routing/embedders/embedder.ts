/** Turns texts into unit vectors whose dot product measures similarity. */
export interface Embedder {
  /** Stable name recorded in a trained router (e.g. "lexical", "provider:openai/text-embedding-3-small"). */
  readonly name: string;
  readonly dimensions: number;
  /** One L2-normalized vector per text, in order. */
  embed(texts: readonly string[]): Promise<Float32Array[]>;
}

/** Scales a vector to unit length in place (a zero vector stays zero). */
export function normalizeInPlace(vector: Float32Array): Float32Array {
  let squares = 0;
  for (let index = 0; index < vector.length; index++) squares += vector[index]! * vector[index]!;
  if (squares > 0) {
    const scale = 1 / Math.sqrt(squares);
    for (let index = 0; index < vector.length; index++) vector[index]! *= scale;
  }
  return vector;
}
