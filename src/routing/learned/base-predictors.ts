import { nearest, type NeighbourIndex } from './neighbour-index.ts';

/**
 * Success rate of each candidate among the k most similar training prompts, weighted by
 * similarity and mixed with `prior` pseudo-prompts at the training mean (so a sparse or far
 * neighbourhood falls back to the base rate).
 */
export function neighbourProbabilities(
  index: NeighbourIndex,
  scores: Float32Array,
  baseRates: ArrayLike<number>,
  query: Float32Array,
  k: number,
  prior: number,
  exclude = -1,
  into = new Float64Array(baseRates.length),
  centroidSimilarities?: Float32Array,
): Float64Array {
  const candidates = baseRates.length;
  const found = nearest(index, query, k, exclude, centroidSimilarities);
  let weightSum = prior;
  for (let candidate = 0; candidate < candidates; candidate++) into[candidate] = prior * baseRates[candidate]!;
  for (let position = 0; position < found.found; position++) {
    const weight = Math.max(0, found.similarities[position]!);
    if (weight === 0) continue;
    const offset = found.indices[position]! * candidates;
    weightSum += weight;
    for (let candidate = 0; candidate < candidates; candidate++) into[candidate]! += weight * scores[offset + candidate]!;
  }
  for (let candidate = 0; candidate < candidates; candidate++) into[candidate]! /= weightSum;
  return into;
}

/** Smoothed success rate per cluster and candidate: (sum of scores + prior × base rate) / (members + prior). */
export function clusterSuccessRates(
  assignments: ArrayLike<number>,
  clusterCount: number,
  scores: ArrayLike<number>,
  baseRates: ArrayLike<number>,
  prior: number,
): { rates: Float64Array; sums: Float64Array; members: Float64Array } {
  const candidates = baseRates.length;
  const sums = new Float64Array(clusterCount * candidates);
  const members = new Float64Array(clusterCount);
  for (let row = 0; row < assignments.length; row++) {
    const cluster = assignments[row]!;
    members[cluster]!++;
    for (let candidate = 0; candidate < candidates; candidate++) sums[cluster * candidates + candidate]! += scores[row * candidates + candidate]!;
  }
  const rates = new Float64Array(clusterCount * candidates);
  for (let cluster = 0; cluster < clusterCount; cluster++) {
    for (let candidate = 0; candidate < candidates; candidate++) {
      rates[cluster * candidates + candidate] = (sums[cluster * candidates + candidate]! + prior * baseRates[candidate]!) / (members[cluster]! + prior);
    }
  }
  return { rates, sums, members };
}
