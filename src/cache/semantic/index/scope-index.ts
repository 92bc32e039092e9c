import type { IndexVector } from './vector-codec.ts';

/** A stored entry whose similarity to the query reached the requested floor. */
export interface VectorMatch {
  id: number;
  similarity: number;
}

/**
 * The vectors of one scope, searchable by cosine similarity. Vectors are unit length. Two
 * layouts implement it (sparse with an inverted index, dense with a contiguous scan): the
 * layout only changes speed, never the matches.
 */
export interface ScopeIndex {
  readonly size: number;
  add(id: number, vector: IndexVector): void;
  remove(id: number): void;
  /** Matches with similarity ≥ minimumSimilarity, best first, at most `limit`. The query is dense. */
  search(query: Float32Array, minimumSimilarity: number, limit: number): VectorMatch[];
  /** Bytes held by the vectors and the index structures. */
  bytes(): number;
}

/** Keeps the best `limit` matches, best first. */
export function insertRanked(matches: VectorMatch[], match: VectorMatch, limit: number): void {
  if (matches.length === limit && matches[limit - 1]!.similarity >= match.similarity) return;
  let position = matches.length;
  while (position > 0 && matches[position - 1]!.similarity < match.similarity) position--;
  matches.splice(position, 0, match);
  if (matches.length > limit) matches.pop();
}
