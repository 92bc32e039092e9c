import type { Embedder } from '../../embedders/embedder.ts';
import type { PairClassifier } from '../verifier/pair-classifier.ts';
import { cosine, embedTexts } from './embed-texts.ts';
import type { LabelledPair } from './labelled-pairs.ts';
import { splitPairs } from './split-pairs.ts';
import { chooseThreshold, curve, pointAt, type ScoredPair, type ThresholdPoint } from './threshold-metrics.ts';

export interface PairEvaluationOptions {
  pairs: LabelledPair[];
  embedder: Embedder;
  /** With a classifier, the verified method is evaluated beside plain cosine. */
  classifier?: PairClassifier;
  /** Embedder similarity a pair needs to reach the classifier (a candidate). */
  minimumSimilarity: number;
  /** The default threshold keeps the tune part's false-hit rate at or under this. */
  maxFalseHitRate: number;
  /** Report the primary method at this threshold instead of choosing one. */
  threshold?: number;
}

export interface MethodReport {
  method: 'cosine' | 'cosine+verifier';
  /** null when nothing can be chosen (no non-duplicates to measure false hits on, and no default). */
  threshold: number | null;
  /** tune: chosen on the tune part; option: given by --threshold; model: the shipped classifier's default. */
  chosenOn: 'tune' | 'option' | 'model' | null;
  tune: ThresholdPoint | null;
  heldOut: ThresholdPoint | null;
  /** The held-out part at every threshold of the grid. */
  curve: ThresholdPoint[];
}

export interface PairEvaluation {
  split: { train: number; tune: number; heldOut: number; heldOutDuplicates: number };
  cosine: MethodReport;
  verified: MethodReport | null;
}

function report(
  method: MethodReport['method'],
  tune: ScoredPair[],
  heldOut: ScoredPair[],
  maxFalseHitRate: number,
  given: number | undefined,
  fallback: number | undefined,
): MethodReport {
  let threshold: number | null = null;
  let chosenOn: MethodReport['chosenOn'] = null;
  if (given !== undefined) {
    threshold = given;
    chosenOn = 'option';
  } else {
    const chosen = chooseThreshold(tune, maxFalseHitRate);
    if (chosen !== undefined) {
      threshold = chosen.threshold;
      chosenOn = 'tune';
    } else if (fallback !== undefined) {
      threshold = fallback;
      chosenOn = 'model';
    }
  }
  return {
    method,
    threshold,
    chosenOn,
    tune: threshold === null ? null : pointAt(tune, threshold),
    heldOut: threshold === null ? null : pointAt(heldOut, threshold),
    curve: curve(heldOut),
  };
}

/**
 * Offline precision of the semantic cache's accept decision on labelled pairs: thresholds are
 * chosen on the tune part and reported on the held-out part (splitPairs); the train part,
 * which the shipped classifier learned from, is left out.
 */
export async function evaluatePairs(options: PairEvaluationOptions): Promise<PairEvaluation> {
  const split = splitPairs(options.pairs);
  const used = [...split.tune, ...split.heldOut];
  const vectors = await embedTexts(options.embedder, used.flatMap((pair) => [pair.a, pair.b]));
  const similarity = (pair: LabelledPair) => cosine(vectors.get(pair.a)!, vectors.get(pair.b)!);
  const cosineScores = (pairs: LabelledPair[]) => pairs.map((pair) => ({ score: similarity(pair), duplicate: pair.duplicate }));
  const classifier = options.classifier;
  const verifiedScores = (pairs: LabelledPair[]) =>
    pairs.map((pair) => ({
      score: similarity(pair) >= options.minimumSimilarity ? classifier!.probability(pair.a, pair.b) : 0,
      duplicate: pair.duplicate,
    }));
  const primaryIsCosine = classifier === undefined;
  return {
    split: {
      train: split.train.length,
      tune: split.tune.length,
      heldOut: split.heldOut.length,
      heldOutDuplicates: split.heldOut.filter((pair) => pair.duplicate).length,
    },
    cosine: report(
      'cosine',
      cosineScores(split.tune),
      cosineScores(split.heldOut),
      options.maxFalseHitRate,
      primaryIsCosine ? options.threshold : undefined,
      undefined,
    ),
    verified:
      classifier === undefined
        ? null
        : report(
            'cosine+verifier',
            verifiedScores(split.tune),
            verifiedScores(split.heldOut),
            options.maxFalseHitRate,
            options.threshold,
            classifier.model.threshold,
          ),
  };
}
