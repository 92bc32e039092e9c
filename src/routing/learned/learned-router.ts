import { FrugalError } from '../../errors/frugal-error.ts';
import type { Embedder } from '../embedders/embedder.ts';
import { LexicalEmbedder } from '../embedders/lexical-embedder.ts';
import { focusText } from '../features/focus-text.ts';
import { HAND_FEATURE_COUNT, handFeatures } from '../features/hand-features.ts';
import { logit, sigmoid } from '../numeric/logistic.ts';
import { predictLogistic, type LogisticModel } from '../numeric/logistic-regression.ts';
import { standardize } from '../numeric/standardizer.ts';
import { decodeFloat32 } from '../numeric/vector-codec.ts';
import { neighbourProbabilities } from './base-predictors.ts';
import { chooseCandidate } from './decision.ts';
import { dotRow } from '../numeric/kmeans.ts';
import { centroidSimilarities, FOLDED_WIDTH, foldInto, foldVectors, type NeighbourIndex } from './neighbour-index.ts';
import type { DecisionRule, RouterModelFile } from './router-model.ts';

/** What a router reads from one request: the focus text's vector and the scaled hand features. */
export interface RouteFeatures {
  vector: Float32Array;
  hand: Float64Array;
}

export interface RouteChoice {
  index: number;
  model: string;
  /** P(success) per candidate, in `candidates` order. */
  probabilities: Float64Array;
  /** Expected cost per candidate, USD per 1,000 prompts. */
  costs: Float64Array;
}

/** Where a request's vector sits among the router's clusters. */
export interface ClusterView {
  similarities: Float32Array;
  nearest: number;
}

/** Clusters whose exact similarity decides the nearest one, after folded similarities rank them. */
const NEAREST_SHORTLIST = 4;

/** The file with its base64 arrays and member lists emptied: what the router still reads after decoding. */
function withoutBulk(file: RouterModelFile): RouterModelFile {
  const settings: RouterModelFile = { ...file, clusters: { ...file.clusters, centroids: '', members: [] } };
  if (file.neighbours !== undefined) settings.neighbours = { ...file.neighbours, vectors: '', scores: '' };
  if (file.logistic !== undefined) settings.logistic = { ...file.logistic, weights: '' };
  return settings;
}

function argmax(values: Float32Array, count: number): number {
  let best = 0;
  for (let index = 1; index < count; index++) if (values[index]! > values[best]!) best = index;
  return best;
}

/** Number of stacker inputs: three base predictions and the hand features. */
export const STACK_INPUTS = 3 + HAND_FEATURE_COUNT;

/** Writes the stacker's input row for one candidate. */
export function stackRow(neighbour: number, logistic: number, cluster: number, hand: Float64Array, into: Float64Array): Float64Array {
  into[0] = logit(neighbour);
  into[1] = logit(logistic);
  into[2] = logit(cluster);
  into.set(hand, 3);
  return into;
}

/** Logistic inputs: the text vector followed by the scaled hand features. */
export function logisticRow(features: RouteFeatures, into: Float64Array): Float64Array {
  into.set(features.vector, 0);
  into.set(features.hand, features.vector.length);
  return into;
}

/**
 * A trained learned router, ready for the request path: `features` (or `featuresFromVector` with a
 * provider embedding) then `predict` → P(success) per candidate, `choose` → the candidate. No I/O
 * and no allocation beyond a few small arrays per call.
 */
export class LearnedRouter {
  readonly kind: RouterModelFile['kind'];
  readonly candidates: readonly string[];
  readonly premium: string;
  readonly embedder: Embedder;
  readonly #lexical: LexicalEmbedder | undefined;
  readonly #index: NeighbourIndex | undefined;
  readonly #clusterCentroids: Float32Array;
  /** Folded centroids (with folded vectors): they order the clustered search at a quarter of the cost. */
  readonly #foldedCentroids: Float32Array | undefined;
  readonly #scores: Float32Array | undefined;
  readonly #clusterRates: Float64Array;
  readonly #baseRates: Float64Array;
  readonly #logistic: LogisticModel | undefined;
  readonly #logisticInput: Float64Array | undefined;
  readonly #stackInput = new Float64Array(STACK_INPUTS);
  /** The model file without its bulk arrays (decoded above; keeping the base64 text would double the memory). */
  readonly #settings: RouterModelFile;

  constructor(file: RouterModelFile, embedder?: Embedder) {
    this.kind = file.kind;
    this.candidates = file.candidates;
    this.premium = file.premium;
    if (file.embedder.kind === 'lexical') {
      this.#lexical = LexicalEmbedder.fromState(file.embedder);
      this.embedder = this.#lexical;
    } else {
      if (embedder === undefined) {
        throw new FrugalError('FRUGAL_INVALID_ARGUMENT', `router uses provider embeddings (${file.embedder.provider}/${file.embedder.model}): pass the configured embedder`);
      }
      this.embedder = embedder;
    }
    const width = file.embedder.dimensions;
    const candidates = file.candidates.length;
    const clusterCount = file.clusters.count;
    const centroids = decodeFloat32(file.clusters.centroids, clusterCount * width, 'clusters.centroids');
    this.#clusterRates = Float64Array.from(file.clusters.successRates);
    this.#baseRates = Float64Array.from(file.baseRates);
    if (file.neighbours !== undefined) {
      const { count } = file.neighbours;
      const vectors = decodeFloat32(file.neighbours.vectors, count * width, 'neighbours.vectors');
      this.#scores = decodeFloat32(file.neighbours.scores, count * candidates, 'neighbours.scores');
      this.#index = { width, count, vectors };
      if (file.clusters.members.length === clusterCount && file.clusters.scanned > 0) {
        this.#index.lists = { centroids, members: file.clusters.members.map((members) => Uint32Array.from(members)), scanned: file.clusters.scanned };
        if (width > FOLDED_WIDTH) {
          this.#index.folded = { width: FOLDED_WIDTH, vectors: foldVectors(vectors, count, width) };
          this.#foldedCentroids = foldVectors(centroids, clusterCount, width);
        }
      }
    }
    this.#clusterCentroids = centroids;
    this.#settings = withoutBulk(file);
    if (file.logistic !== undefined) {
      const { inputs } = file.logistic;
      this.#logistic = {
        inputs,
        outputs: candidates,
        weights: decodeFloat32(file.logistic.weights, inputs * candidates, 'logistic.weights'),
        bias: Float64Array.from(file.logistic.bias),
      };
      this.#logisticInput = new Float64Array(inputs);
    }
  }

  get decision(): DecisionRule {
    return this.#settings.decision;
  }

  /** Features of a routing message with the built-in lexical embedder (synchronous). */
  features(message: string, turns = 1): RouteFeatures {
    if (this.#lexical === undefined) {
      throw new FrugalError('FRUGAL_INVALID_ARGUMENT', 'router uses provider embeddings: embed the focus text and call featuresFromVector');
    }
    return this.featuresFromVector(this.#lexical.embedOne(focusText(message)), message, turns);
  }

  featuresFromVector(vector: Float32Array, message: string, turns = 1): RouteFeatures {
    if (vector.length !== this.#settings.embedder.dimensions) {
      throw new FrugalError('FRUGAL_INVALID_ARGUMENT', `vector has ${vector.length} dimensions, the router expects ${this.#settings.embedder.dimensions}`);
    }
    return { vector, hand: standardize(handFeatures(message, turns), this.#settings.hand) };
  }

  /**
   * Where a vector sits among the clusters: similarity to every centroid (folded when the router
   * has folded vectors: it only orders the clustered search) and the nearest cluster, exact.
   */
  clusterView(vector: Float32Array): ClusterView {
    const { count } = this.#settings.clusters;
    const width = this.#settings.embedder.dimensions;
    if (this.#foldedCentroids === undefined) {
      const similarities = centroidSimilarities(this.#clusterCentroids, count, width, vector);
      return { similarities, nearest: argmax(similarities, count) };
    }
    const similarities = centroidSimilarities(this.#foldedCentroids, count, FOLDED_WIDTH, foldInto(vector, new Float32Array(FOLDED_WIDTH)));
    // The nearest cluster is the exact best of the few the folded similarities rank first.
    const shortlist = Array.from({ length: count }, (_, cluster) => cluster)
      .sort((left, right) => similarities[right]! - similarities[left]!)
      .slice(0, NEAREST_SHORTLIST);
    let nearest = shortlist[0]!;
    let best = -Infinity;
    for (const cluster of shortlist) {
      const similarity = dotRow(this.#clusterCentroids, cluster, width, vector);
      if (similarity > best) [best, nearest] = [similarity, cluster];
    }
    return { similarities, nearest };
  }

  neighbourProbabilities(features: RouteFeatures, exclude = -1, view?: ClusterView): Float64Array {
    if (this.#index === undefined || this.#scores === undefined || this.#settings.neighbours === undefined) {
      throw new FrugalError('FRUGAL_INVALID_DATA', 'this router stores no neighbours');
    }
    const { k, prior } = this.#settings.neighbours;
    return neighbourProbabilities(this.#index, this.#scores, this.#baseRates, features.vector, k, prior, exclude, undefined, view?.similarities);
  }

  logisticProbabilities(features: RouteFeatures): Float64Array {
    if (this.#logistic === undefined) throw new FrugalError('FRUGAL_INVALID_DATA', 'this router has no logistic model');
    return predictLogistic(this.#logistic, logisticRow(features, this.#logisticInput!));
  }

  /** Success rates of the cluster whose centroid is closest. */
  clusterProbabilities(features: RouteFeatures, view = this.clusterView(features.vector)): Float64Array {
    const candidates = this.candidates.length;
    return this.#clusterRates.slice(view.nearest * candidates, (view.nearest + 1) * candidates);
  }

  /** P(success) of each candidate for this request. */
  predict(features: RouteFeatures): Float64Array {
    if (this.#settings.kind === 'knn') return this.neighbourProbabilities(features);
    if (this.#settings.kind === 'logistic') return this.logisticProbabilities(features);
    const view = this.clusterView(features.vector);
    const neighbour = this.neighbourProbabilities(features, -1, view);
    const logistic = this.logisticProbabilities(features);
    const cluster = this.clusterProbabilities(features, view);
    const result = new Float64Array(this.candidates.length);
    const weights = this.#settings.stacker!.weights;
    for (let candidate = 0; candidate < result.length; candidate++) {
      const row = stackRow(neighbour[candidate]!, logistic[candidate]!, cluster[candidate]!, features.hand, this.#stackInput);
      const candidateWeights = weights[candidate]!;
      let activation = candidateWeights[0]!;
      for (let input = 0; input < row.length; input++) activation += candidateWeights[input + 1]! * row[input]!;
      result[candidate] = sigmoid(activation);
    }
    return result;
  }

  /** Expected cost of each candidate for this request, USD per 1,000 prompts. */
  expectedCosts(features: RouteFeatures): Float64Array {
    const { weights, minimum, maximum } = this.#settings.cost;
    const result = new Float64Array(this.candidates.length);
    for (let candidate = 0; candidate < result.length; candidate++) {
      const candidateWeights = weights[candidate]!;
      let value = candidateWeights[0]!;
      for (let input = 0; input < features.hand.length; input++) value += candidateWeights[input + 1]! * features.hand[input]!;
      result[candidate] = Math.min(maximum[candidate]!, Math.max(minimum[candidate]!, value));
    }
    return result;
  }

  choose(features: RouteFeatures, rule: DecisionRule = this.decision): RouteChoice {
    const probabilities = this.predict(features);
    const costs = this.expectedCosts(features);
    const index = chooseCandidate(probabilities, costs, rule);
    return { index, model: this.candidates[index]!, probabilities, costs };
  }
}
