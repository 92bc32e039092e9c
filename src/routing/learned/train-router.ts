import type { OutcomeTable } from '../data/outcome-table.ts';
import { DEFAULT_SPLIT, foldOf } from '../data/split.ts';
import type { Embedder } from '../embedders/embedder.ts';
import { DEFAULT_LEXICAL_DIMENSIONS, LexicalEmbedder } from '../embedders/lexical-embedder.ts';
import { focusText, routingMessage } from '../features/focus-text.ts';
import { HAND_FEATURE_COUNT, handFeatures } from '../features/hand-features.ts';
import { centroidsOf, nearestCentroid, sphericalKMeans } from '../numeric/kmeans.ts';
import { predictLogistic, trainLogistic, type LogisticModel } from '../numeric/logistic-regression.ts';
import { ridgeRegression } from '../numeric/ridge-regression.ts';
import { fitStandardizer, standardize } from '../numeric/standardizer.ts';
import { encodeFloat32 } from '../numeric/vector-codec.ts';
import { clusterSuccessRates, neighbourProbabilities } from './base-predictors.ts';
import { logisticRow, stackRow, STACK_INPUTS, type RouteFeatures } from './learned-router.ts';
import { FOLDED_WIDTH, foldVectors, SCAN_ALL_LIMIT, SCANNED_PER_QUERY, type NeighbourIndex } from './neighbour-index.ts';
import type { LearnedRouterKind, ProviderEmbedderState, RouterModelFile, SplitRecord } from './router-model.ts';

export interface TrainRouterOptions {
  kind: LearnedRouterKind;
  /** Width of the built-in lexical embedder (default 512); ignored with `embedder`. */
  dimensions?: number;
  /** Provider embeddings instead of the lexical embedder, and the configured provider/model they come from. */
  embedder?: Embedder;
  providerEmbedder?: Omit<ProviderEmbedderState, 'kind' | 'dimensions'>;
  /** Neighbours per prediction (default 25). */
  k?: number;
  /** Logistic model epochs (default 30) and L2 penalty (default 1). */
  epochs?: number;
  l2?: number;
  /** Folds for the stacker's out-of-fold logistic predictions (default 4). */
  folds?: number;
  seed?: number;
  /** Recorded in the model file. */
  data?: string;
  split?: SplitRecord;
  onProgress?: (message: string) => void;
}

const NEIGHBOUR_PRIOR = 2;
const CLUSTER_PRIOR = 4;
const COST_PENALTY = 1;
const PICO_PER_USD_PER_THOUSAND = 1e9;

/** Training mean score per candidate, and the best candidate (ties: the cheaper on average). */
function baseRatesAndPremium(table: OutcomeTable): { baseRates: Float64Array; premium: number } {
  const candidates = table.models.length;
  const rows = table.items.length;
  const baseRates = new Float64Array(candidates);
  const meanCost = new Float64Array(candidates);
  for (let row = 0; row < rows; row++) {
    for (let candidate = 0; candidate < candidates; candidate++) {
      baseRates[candidate]! += table.scores[row * candidates + candidate]! / rows;
      meanCost[candidate]! += table.costs[row * candidates + candidate]! / rows;
    }
  }
  let premium = 0;
  for (let candidate = 1; candidate < candidates; candidate++) {
    const better = baseRates[candidate]! > baseRates[premium]! + 1e-12;
    const tiedCheaper = Math.abs(baseRates[candidate]! - baseRates[premium]!) <= 1e-12 && meanCost[candidate]! < meanCost[premium]!;
    if (better || tiedCheaper) premium = candidate;
  }
  return { baseRates, premium };
}

/** Per candidate: ridge regression of cost (USD per 1,000 prompts) on [1, scaled hand features]. */
function fitCostModel(table: OutcomeTable, hand: Float64Array[]): RouterModelFile['cost'] {
  const candidates = table.models.length;
  const rows = hand.map((features) => Float64Array.of(1, ...features));
  const weights: number[][] = [];
  const minimum: number[] = [];
  const maximum: number[] = [];
  for (let candidate = 0; candidate < candidates; candidate++) {
    const targets = table.items.map((_, row) => table.costs[row * candidates + candidate]! / PICO_PER_USD_PER_THOUSAND);
    weights.push(round(ridgeRegression(rows, targets, COST_PENALTY)));
    minimum.push(Math.min(...targets));
    maximum.push(Math.max(...targets));
  }
  return { weights, minimum, maximum };
}

/** Keeps `digits` significant digits (a shorter file; never rounds a small value to zero). */
function round(values: ArrayLike<number>, digits = 8): number[] {
  return Array.from(values, (value) => Number(value.toPrecision(digits)));
}

/**
 * Trains a learned router on an outcome table (use the training split only: calibration and
 * evaluation need items it has not seen).
 * - knn: similarity-weighted success rate of each candidate among the k nearest training prompts;
 * - logistic: one logistic model per candidate on the text vector and the hand features;
 * - stacked: a per-candidate logistic model over the kNN, logistic and cluster success rates and
 *   the hand features, fitted on out-of-fold base predictions so it learns how far to trust each.
 */
export async function trainRouter(table: OutcomeTable, options: TrainRouterOptions): Promise<RouterModelFile> {
  const progress = options.onProgress ?? (() => {});
  const { kind } = options;
  const candidates = table.models.length;
  const count = table.items.length;
  const messages = table.items.map(routingMessage);
  const focus = messages.map(focusText);
  const turns = table.items.map((item) => item.turns?.length ?? 1);

  progress(`embedding ${count} training prompts`);
  let embedderState: RouterModelFile['embedder'];
  let vectors: Float32Array[];
  if (options.embedder !== undefined) {
    vectors = await options.embedder.embed(focus);
    const identity = options.providerEmbedder ?? { provider: 'unknown', model: options.embedder.name };
    embedderState = { kind: 'provider', ...identity, dimensions: vectors[0]?.length ?? options.embedder.dimensions };
  } else {
    const lexical = LexicalEmbedder.fit(focus, options.dimensions ?? DEFAULT_LEXICAL_DIMENSIONS);
    vectors = focus.map((text) => lexical.embedOne(text));
    embedderState = lexical.toState();
  }
  const width = embedderState.dimensions;
  const rawHand = messages.map((message, row) => handFeatures(message, turns[row]));
  const handScaling = fitStandardizer(rawHand, HAND_FEATURE_COUNT);
  const hand = rawHand.map((features) => standardize(features, handScaling));
  const features: RouteFeatures[] = vectors.map((vector, row) => ({ vector, hand: hand[row]! }));
  const labels = Float64Array.from(table.scores);
  const { baseRates, premium } = baseRatesAndPremium(table);

  const flatVectors = new Float32Array(count * width);
  vectors.forEach((vector, row) => flatVectors.set(vector, row * width));
  const folded = width > FOLDED_WIDTH ? foldVectors(flatVectors, count, width) : undefined;

  progress('clustering');
  // k-means runs on the folded vectors (a quarter of the work); centroids and assignments are
  // then taken at full width, as the router computes them for a request.
  const clusterCount = Math.max(2, Math.min(256, Math.round(Math.sqrt(count))));
  const foldedRows = folded === undefined ? vectors : vectors.map((_, row) => folded.subarray(row * FOLDED_WIDTH, (row + 1) * FOLDED_WIDTH));
  const coarse = sphericalKMeans(foldedRows, clusterCount, { seed: options.seed ?? 11 });
  const centroids = folded === undefined ? coarse.centroids : centroidsOf(vectors, coarse.assignments, coarse.count);
  const assignments = Uint32Array.from(vectors, (vector) => nearestCentroid(centroids, coarse.count, width, vector));
  const members: number[][] = Array.from({ length: coarse.count }, () => []);
  assignments.forEach((cluster, row) => members[cluster]!.push(row));
  const scanned = count > SCAN_ALL_LIMIT ? SCANNED_PER_QUERY : 0;
  const clusters = clusterSuccessRates(assignments, coarse.count, labels, baseRates, CLUSTER_PRIOR);

  const scores32 = Float32Array.from(labels);
  const index: NeighbourIndex = { width, count, vectors: flatVectors };
  if (scanned > 0) {
    index.lists = { centroids, members: members.map((list) => Uint32Array.from(list)), scanned };
    if (folded !== undefined) index.folded = { width: FOLDED_WIDTH, vectors: folded };
  }
  const k = options.k ?? 25;

  const logisticOptions = { epochs: options.epochs ?? 30, l2: options.l2 ?? 1, seed: options.seed ?? 7 };
  const inputs = width + HAND_FEATURE_COUNT;
  const logisticRows = features.map((feature) => logisticRow(feature, new Float64Array(inputs)));
  let logistic: LogisticModel | undefined;
  if (kind !== 'knn') {
    progress(`fitting the logistic model (${candidates} candidates × ${inputs} inputs)`);
    logistic = trainLogistic(logisticRows, labels, candidates, logisticOptions);
  }

  const file: RouterModelFile = {
    format: 'frugal-router',
    version: 1,
    kind,
    candidates: [...table.models],
    premium: table.models[premium]!,
    embedder: embedderState,
    hand: { mean: round(handScaling.mean), scale: round(handScaling.scale) },
    cost: fitCostModel(table, hand),
    clusters: {
      count: coarse.count,
      centroids: encodeFloat32(centroids),
      members,
      scanned,
      successRates: round(clusters.rates),
    },
    baseRates: round(baseRates),
    decision: { rule: 'utility', lambda: 0 },
    training: { data: options.data ?? '', items: count, split: options.split ?? { ...DEFAULT_SPLIT } },
  };
  if (kind !== 'logistic') {
    file.neighbours = { k, prior: NEIGHBOUR_PRIOR, count, vectors: encodeFloat32(flatVectors), scores: encodeFloat32(scores32) };
  }
  if (logistic !== undefined) {
    file.logistic = { inputs, weights: encodeFloat32(logistic.weights), bias: round(logistic.bias) };
  }
  if (kind === 'stacked') {
    file.stacker = { weights: trainStacker({ table, features, logisticRows, labels, baseRates, clusters, assignments, index, scores: scores32, k, logisticOptions }, options, progress) };
  }
  return file;
}

/** What the stacker is fitted from: the training items and the base predictors' material. */
interface StackingInputs {
  table: OutcomeTable;
  features: RouteFeatures[];
  logisticRows: Float64Array[];
  labels: Float64Array;
  baseRates: Float64Array;
  clusters: { sums: Float64Array; members: Float64Array };
  assignments: Uint32Array;
  index: NeighbourIndex;
  scores: Float32Array;
  k: number;
  logisticOptions: { epochs: number; l2: number; seed: number };
}

/** The stacker's weights per candidate, fitted on out-of-fold base predictions of the training items. */
function trainStacker(inputs: StackingInputs, options: TrainRouterOptions, progress: (message: string) => void): number[][] {
  const { table, features, logisticRows, labels, baseRates, clusters, assignments, index, scores, k, logisticOptions } = inputs;
  const candidates = table.models.length;
  const count = table.items.length;
  const folds = options.folds ?? 4;
  const outOfFold = new Float64Array(count * candidates);
  // Its own salt: evaluation folds use the split salt, and these folds must not line up with them.
  const foldOfRow = table.items.map((item) => foldOf(item.id, folds, `${options.split?.salt ?? DEFAULT_SPLIT.salt}/stacking`));
  for (let fold = 0; fold < folds; fold++) {
    progress(`stacking: out-of-fold logistic model ${fold + 1}/${folds}`);
    const trainRows: Float64Array[] = [];
    const trainLabels: number[] = [];
    foldOfRow.forEach((rowFold, row) => {
      if (rowFold === fold) return;
      trainRows.push(logisticRows[row]!);
      for (let candidate = 0; candidate < candidates; candidate++) trainLabels.push(labels[row * candidates + candidate]!);
    });
    if (trainRows.length === 0) continue;
    const model = trainLogistic(trainRows, Float64Array.from(trainLabels), candidates, logisticOptions);
    const predicted = new Float64Array(candidates);
    foldOfRow.forEach((rowFold, row) => {
      if (rowFold !== fold) return;
      outOfFold.set(predictLogistic(model, logisticRows[row]!, predicted), row * candidates);
    });
  }
  progress('stacking: leave-one-out neighbour and cluster rates');
  const stackRows: Float64Array[][] = Array.from({ length: candidates }, () => []);
  const neighbour = new Float64Array(candidates);
  for (let row = 0; row < count; row++) {
    neighbourProbabilities(index, scores, baseRates, features[row]!.vector, k, NEIGHBOUR_PRIOR, row, neighbour);
    const cluster = assignments[row]!;
    for (let candidate = 0; candidate < candidates; candidate++) {
      const own = labels[row * candidates + candidate]!;
      const clusterRate =
        (clusters.sums[cluster * candidates + candidate]! - own + CLUSTER_PRIOR * baseRates[candidate]!) / (clusters.members[cluster]! - 1 + CLUSTER_PRIOR);
      stackRows[candidate]!.push(stackRow(neighbour[candidate]!, outOfFold[row * candidates + candidate]!, clusterRate, features[row]!.hand, new Float64Array(STACK_INPUTS)));
    }
  }
  progress('stacking: fitting the combiner');
  const weights: number[][] = [];
  for (let candidate = 0; candidate < candidates; candidate++) {
    const candidateLabels = new Float64Array(count);
    for (let row = 0; row < count; row++) candidateLabels[row] = labels[row * candidates + candidate]!;
    const model = trainLogistic(stackRows[candidate]!, candidateLabels, 1, { epochs: 60, l2: 1, seed: logisticOptions.seed, learningRate: 0.05 });
    weights.push(round([model.bias[0]!, ...model.weights]));
  }
  return weights;
}
