import { dotRow } from '../numeric/kmeans.ts';

/**
 * Nearest training prompts by cosine similarity. Small sets are scanned whole; larger ones are
 * searched through an inverted file (the clusters of `lists`): only the `probe` clusters whose
 * centroids are closest to the query are scanned, so a decision stays well under a millisecond
 * with tens of thousands of training prompts.
 */
export interface NeighbourIndex {
  width: number;
  count: number;
  /** count × width, unit rows. */
  vectors: Float32Array;
  /** Clusters (present when the set is large enough to need them). */
  lists?: { centroids: Float32Array; members: Uint32Array[]; probe: number };
}

export interface Neighbours {
  indices: Uint32Array;
  similarities: Float32Array;
  found: number;
}

/** Above this many vectors, search through clusters instead of scanning all. */
export const SCAN_ALL_LIMIT = 3_000;
/** Vectors the clustered search aims to scan per query. */
const SCANNED_PER_QUERY = 1_200;

export function probeCount(clusterCount: number, count: number): number {
  const perCluster = count / Math.max(1, clusterCount);
  return Math.max(1, Math.min(clusterCount, Math.ceil(SCANNED_PER_QUERY / Math.max(1, perCluster))));
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

/** The k most similar stored vectors to `query`, skipping `exclude` (leave-one-out on training data). */
export function nearest(index: NeighbourIndex, query: Float32Array, k: number, exclude = -1): Neighbours {
  const result: Neighbours = { indices: new Uint32Array(k), similarities: new Float32Array(k), found: 0 };
  const { vectors, width, lists } = index;
  if (lists === undefined) {
    for (let row = 0; row < index.count; row++) if (row !== exclude) offer(result, k, row, dotRow(vectors, row, width, query));
    return result;
  }
  const clusterCount = lists.members.length;
  const closest: Neighbours = { indices: new Uint32Array(lists.probe), similarities: new Float32Array(lists.probe), found: 0 };
  for (let cluster = 0; cluster < clusterCount; cluster++) offer(closest, lists.probe, cluster, dotRow(lists.centroids, cluster, width, query));
  for (let position = 0; position < closest.found; position++) {
    for (const row of lists.members[closest.indices[position]!]!) {
      if (row !== exclude) offer(result, k, row, dotRow(vectors, row, width, query));
    }
  }
  return result;
}
