import { isSparseEmbedder, type Embedder } from '../../embedders/embedder.ts';
import { sparseDot } from '../../embedders/sparse-vector.ts';
import { isDense, type IndexVector } from '../index/vector-codec.ts';

/** Embeds every distinct text once, in batches (sparse when the embedder can); returns text → unit vector. */
export async function embedTexts(embedder: Embedder, texts: Iterable<string>, batchSize = 256): Promise<Map<string, IndexVector>> {
  const distinct = [...new Set(texts)];
  const vectors = new Map<string, IndexVector>();
  for (let start = 0; start < distinct.length; start += batchSize) {
    const batch = distinct.slice(start, start + batchSize);
    const embedded: IndexVector[] = isSparseEmbedder(embedder) ? await embedder.embedSparse(batch) : await embedder.embed(batch);
    batch.forEach((text, index) => vectors.set(text, embedded[index]!));
  }
  return vectors;
}

/** Cosine of two unit vectors of the same embedder (both sparse or both dense). */
export function cosine(left: IndexVector, right: IndexVector): number {
  if (!isDense(left) || !isDense(right)) {
    if (isDense(left) || isDense(right)) throw new TypeError('cosine of a sparse and a dense vector');
    return sparseDot(left, right);
  }
  let sum = 0;
  for (let index = 0; index < left.length; index++) sum += left[index]! * right[index]!;
  return sum;
}
