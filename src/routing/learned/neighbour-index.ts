import { dotRow } from '../numeric/kmeans.ts';

/**
 * Nearest training prompts by cosine similarity. Small sets are scanned whole; larger ones are
 * searched through an inverted file (the clusters of `lists`): only the clusters whose centroids
 * are closest to the query are scanned, so a decision stays well under a millisecond
 * with tens of thousands of training prompts.
 */
export interface NeighbourIndex {
  width: number;
  count: number;
  /** count × width, unit rows. */
  vectors: Float32Array;
  /**
   * Clusters (present when the set is large enough to need them): the closest clusters are
   * scanned, nearest centroid first, until `scanned` vectors have been compared.
   */
  lists?: { centroids: Float32Array; members: Uint32Array[]; scanned: number };
  /**
   * A narrow copy of the vectors for the clustered search's first pass (see `foldVectors`): it
   * ranks the scanned vectors cheaply, and only the best few are compared at full width.
   */
  folded?: { width: number; vectors: Float32Array };
}

/** Width of the folded vectors: a quarter of the work per comparison at 512 dimensions. */
export const FOLDED_WIDTH = 128;
/** Candidates per neighbour kept from the folded pass for the exact comparison. */
const RERANK_FACTOR = 2;

/**
 * Folds each row to `width` by summing its `width`-long segments, then normalizes. The lexical
 * embedder already hashes features into buckets with random signs, so folding is a further
 * random projection that keeps dot products close on average.
 */
export function foldVectors(vectors: Float32Array, count: number, width: number, foldedWidth = FOLDED_WIDTH): Float32Array {
  const folded = new Float32Array(count * foldedWidth);
  for (let row = 0; row < count; row++) foldInto(vectors.subarray(row * width, (row + 1) * width), folded.subarray(row * foldedWidth, (row + 1) * foldedWidth));
  return folded;
}

/** Folds one vector into `into` (its width) and normalizes it. */
export function foldInto(vector: Float32Array, into: Float32Array): Float32Array {
  into.fill(0);
  for (let index = 0; index < vector.length; index++) into[index % into.length]! += vector[index]!;
  let squares = 0;
  for (let index = 0; index < into.length; index++) squares += into[index]! * into[index]!;
  if (squares > 0) {
    const scale = 1 / Math.sqrt(squares);
    for (let index = 0; index < into.length; index++) into[index]! *= scale;
  }
  return into;
}

export interface Neighbours {
  indices: Uint32Array;
  similarities: Float32Array;
  found: number;
}

/** Above this many vectors, search through clusters instead of scanning all. */
export const SCAN_ALL_LIMIT = 3_000;
/** Vectors the clustered search compares per query (the closest clusters' members). */
export const SCANNED_PER_QUERY = 400;

/** Similarity of `query` to every centroid (also tells the query's own cluster: the largest). */
export function centroidSimilarities(centroids: Float32Array, clusterCount: number, width: number, query: Float32Array): Float32Array {
  const similarities = new Float32Array(clusterCount);
  for (let cluster = 0; cluster < clusterCount; cluster++) similarities[cluster] = dotRow(centroids, cluster, width, query);
  return similarities;
}

/** Inserts (index, similarity) into the top-k arrays kept sorted by similarity, descending. */
function offer(result: Neighbours, k: number, index: number, similarity: number): void {
  if (result.found === k && similarity <= result.similarities[k - 1]!) return;
  let position = result.found < k ? result.found++ : k - 1;
  while (position > 0 && result.similarities[position - 1]! < similarity) {
    result.similarities[position] = result.similarities[position - 1]!;
    result.indices[position] = result.indices[position - 1]!;
    position--;
  }
  result.similarities[position] = similarity;
  result.indices[position] = index;
}

/**
 * The k most similar stored vectors to `query`, skipping `exclude` (leave-one-out on training
 * data). `similarities` to the centroids may be passed when the caller has them already.
 */
export function nearest(index: NeighbourIndex, query: Float32Array, k: number, exclude = -1, similarities?: Float32Array): Neighbours {
  const result: Neighbours = { indices: new Uint32Array(k), similarities: new Float32Array(k), found: 0 };
  const { vectors, width, lists } = index;
  if (lists === undefined) {
    for (let row = 0; row < index.count; row++) if (row !== exclude) offer(result, k, row, dotRow(vectors, row, width, query));
    return result;
  }
  const clusterCount = lists.members.length;
  const toCentroids = similarities ?? centroidSimilarities(lists.centroids, clusterCount, width, query);
  const order = Array.from({ length: clusterCount }, (_, cluster) => cluster).sort((left, right) => toCentroids[right]! - toCentroids[left]!);
  const folded = index.folded;
  const shortlistSize = folded === undefined ? k : k * RERANK_FACTOR;
  const shortlist: Neighbours = folded === undefined ? result : { indices: new Uint32Array(shortlistSize), similarities: new Float32Array(shortlistSize), found: 0 };
  const foldedQuery = folded === undefined ? query : foldInto(query, new Float32Array(folded.width));
  let scanned = 0;
  for (const cluster of order) {
    if (scanned >= lists.scanned) break;
    const members = lists.members[cluster]!;
    for (let position = 0; position < members.length; position++) {
      const row = members[position]!;
      if (row === exclude) continue;
      const similarity = folded === undefined ? dotRow(vectors, row, width, query) : dotRow(folded.vectors, row, folded.width, foldedQuery);
      offer(shortlist, shortlistSize, row, similarity);
    }
    scanned += members.length;
  }
  if (folded !== undefined) {
    for (let position = 0; position < shortlist.found; position++) {
      const row = shortlist.indices[position]!;
      offer(result, k, row, dotRow(vectors, row, width, query));
    }
  }
  return result;
}
