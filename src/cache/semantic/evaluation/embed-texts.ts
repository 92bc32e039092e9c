import type { Embedder } from '../../embedders/embedder.ts';

/** Embeds every distinct text once, in batches; returns text → unit vector. */
export async function embedTexts(embedder: Embedder, texts: Iterable<string>, batchSize = 256): Promise<Map<string, Float32Array>> {
  const distinct = [...new Set(texts)];
  const vectors = new Map<string, Float32Array>();
  for (let start = 0; start < distinct.length; start += batchSize) {
    const batch = distinct.slice(start, start + batchSize);
    const embedded = await embedder.embed(batch);
    batch.forEach((text, index) => vectors.set(text, embedded[index]!));
  }
  return vectors;
}

export function cosine(left: Float32Array, right: Float32Array): number {
  let sum = 0;
  for (let index = 0; index < left.length; index++) sum += left[index]! * right[index]!;
  return sum;
}
