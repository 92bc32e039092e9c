import { seededRandom } from './seeded-shuffle.ts';

/** Dot product of row `row` of a flat N × width matrix with `query` (four running sums: the hot loop of kNN). */
export function dotRow(matrix: Float32Array, row: number, width: number, query: Float32Array): number {
  const offset = row * width;
  let first = 0;
  let second = 0;
  let third = 0;
  let fourth = 0;
  let index = 0;
  for (; index + 3 < width; index += 4) {
    first += matrix[offset + index]! * query[index]!;
    second += matrix[offset + index + 1]! * query[index + 1]!;
    third += matrix[offset + index + 2]! * query[index + 2]!;
    fourth += matrix[offset + index + 3]! * query[index + 3]!;
  }
  for (; index < width; index++) first += matrix[offset + index]! * query[index]!;
  return first + second + third + fourth;
}

/** The centroid (row of `centroids`) with the largest dot product with `vector`. */
export function nearestCentroid(centroids: Float32Array, count: number, width: number, vector: Float32Array): number {
  let best = 0;
  let bestSimilarity = -Infinity;
  for (let centroid = 0; centroid < count; centroid++) {
    const similarity = dotRow(centroids, centroid, width, vector);
    if (similarity > bestSimilarity) {
      bestSimilarity = similarity;
      best = centroid;
    }
  }
  return best;
}

export interface Clustering {
  count: number;
  /** count × width, each row unit length. */
  centroids: Float32Array;
  /** Cluster of each input vector. */
  assignments: Uint32Array;
}

/**
 * Spherical k-means (cosine similarity on unit vectors): k-means++ seeding with a seeded
 * generator, then Lloyd iterations until no vector moves or `iterations` is reached.
 */
export function sphericalKMeans(vectors: readonly Float32Array[], count: number, options: { iterations?: number; seed?: number } = {}): Clustering {
  const width = vectors[0]?.length ?? 0;
  const clusters = Math.max(1, Math.min(count, vectors.length));
  const random = seededRandom(options.seed ?? 11);
  const centroids = new Float32Array(clusters * width);
  const distance = new Float64Array(vectors.length).fill(Infinity);
  let chosen = Math.floor(random() * vectors.length);
  for (let centroid = 0; centroid < clusters; centroid++) {
    centroids.set(vectors[chosen]!, centroid * width);
    let total = 0;
    for (let index = 0; index < vectors.length; index++) {
      const gap = Math.max(0, 1 - dotRow(centroids, centroid, width, vectors[index]!));
      if (gap < distance[index]!) distance[index] = gap;
      total += distance[index]!;
    }
    let target = random() * total;
    chosen = vectors.length - 1;
    for (let index = 0; index < vectors.length; index++) {
      target -= distance[index]!;
      if (target <= 0) {
        chosen = index;
        break;
      }
    }
  }
  const assignments = new Uint32Array(vectors.length);
  for (let iteration = 0; iteration < (options.iterations ?? 15); iteration++) {
    let moved = 0;
    for (let index = 0; index < vectors.length; index++) {
      const nearest = nearestCentroid(centroids, clusters, width, vectors[index]!);
      if (nearest !== assignments[index] || iteration === 0) moved++;
      assignments[index] = nearest;
    }
    if (moved === 0) break;
    const sums = new Float64Array(clusters * width);
    for (let index = 0; index < vectors.length; index++) {
      const offset = assignments[index]! * width;
      const vector = vectors[index]!;
      for (let dimension = 0; dimension < width; dimension++) sums[offset + dimension]! += vector[dimension]!;
    }
    for (let centroid = 0; centroid < clusters; centroid++) {
      let norm = 0;
      for (let dimension = 0; dimension < width; dimension++) norm += sums[centroid * width + dimension]! ** 2;
      // An empty cluster keeps its previous centroid.
      if (norm === 0) continue;
      const scale = 1 / Math.sqrt(norm);
      for (let dimension = 0; dimension < width; dimension++) centroids[centroid * width + dimension] = sums[centroid * width + dimension]! * scale;
    }
  }
  return { count: clusters, centroids, assignments };
}

/** Unit-length mean of each cluster's vectors (an empty cluster gets a zero centroid). */
export function centroidsOf(vectors: readonly Float32Array[], assignments: ArrayLike<number>, count: number): Float32Array {
  const width = vectors[0]?.length ?? 0;
  const sums = new Float64Array(count * width);
  vectors.forEach((vector, row) => {
    const offset = assignments[row]! * width;
    for (let dimension = 0; dimension < width; dimension++) sums[offset + dimension]! += vector[dimension]!;
  });
  const centroids = new Float32Array(count * width);
  for (let cluster = 0; cluster < count; cluster++) {
    let norm = 0;
    for (let dimension = 0; dimension < width; dimension++) norm += sums[cluster * width + dimension]! ** 2;
    const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    for (let dimension = 0; dimension < width; dimension++) centroids[cluster * width + dimension] = sums[cluster * width + dimension]! * scale;
  }
  return centroids;
}
