import type { Embedder } from '../../embedders/embedder.ts';
import type { PairClassifier } from '../verifier/pair-classifier.ts';
import { cosine, embedTexts } from './embed-texts.ts';
import type { LabelledPair } from './labelled-pairs.ts';
import { pairGroups, splitPairs } from './split-pairs.ts';
import { chooseThresholdWithConfidence, curve, pointAt, type GroupedScore, type ThresholdPoint } from './threshold-metrics.ts';

export interface PairEvaluationOptions {
  pairs: LabelledPair[];
  embedder: Embedder;
  /** With a classifier, the verified method is evaluated beside plain cosine. */
  classifier?: PairClassifier;
  /** Embedder similarity a pair needs to reach the classifier (a candidate). */
  minimumSimilarity: number;
  /** A chosen threshold keeps the false-hit rate at or under this in 95% of group resamples of the development part. */
  maxFalseHitRate: number;
  /** Report the primary method (verified when there is a classifier) at this threshold. */
  threshold?: number;
}

export interface MethodReport {
  method: 'cosine' | 'cosine+verifier';
  /** null when none can be chosen (no non-duplicates to measure false hits on). */
  threshold: number | null;
  /** development: chosen on the development part; option: --threshold; model: the classifier's shipped default. */
  chosenOn: 'development' | 'option' | 'model' | null;
  development: ThresholdPoint | null;
  heldOut: ThresholdPoint | null;
  /** The held-out part at every threshold of the grid. */
  curve: ThresholdPoint[];
}

export interface PairEvaluation {
  split: { development: number; heldOut: number; heldOutDuplicates: number };
  cosine: MethodReport;
  verified: MethodReport | null;
}

function report(
  method: MethodReport['method'],
  development: GroupedScore[],
  heldOut: GroupedScore[],
  maxFalseHitRate: number,
  fixed: { threshold: number; chosenOn: 'option' | 'model' } | undefined,
): MethodReport {
  const chosen = fixed === undefined ? chooseThresholdWithConfidence(development, maxFalseHitRate)?.threshold : fixed.threshold;
  const threshold = chosen ?? null;
  return {
    method,
    threshold,
    chosenOn: threshold === null ? null : (fixed?.chosenOn ?? 'development'),
    // For the classifier on the file it was trained on (qqp-dev), the development figures are in-sample.
    development: threshold === null ? null : pointAt(development, threshold),
    heldOut: threshold === null ? null : pointAt(heldOut, threshold),
    curve: curve(heldOut),
  };
}

/**
 * Offline precision of the semantic cache's accept decision on labelled pairs. Plain cosine
 * gets its threshold chosen on the development part; the verified method uses the shipped
 * classifier's default (chosen the same way when it was trained on qqp-dev's development
 * part), unless a threshold is given. Every reported figure is on the held-out part.
 */
export async function evaluatePairs(options: PairEvaluationOptions): Promise<PairEvaluation> {
  const split = splitPairs(options.pairs);
  const vectors = await embedTexts(options.embedder, options.pairs.flatMap((pair) => [pair.a, pair.b]));
  const similarity = (pair: LabelledPair) => cosine(vectors.get(pair.a)!, vectors.get(pair.b)!);
  const grouped = (pairs: LabelledPair[], score: (pair: LabelledPair) => number): GroupedScore[] => {
    const groups = pairGroups(pairs);
    return pairs.map((pair, index) => ({ score: score(pair), duplicate: pair.duplicate, group: groups[index]! }));
  };
  const classifier = options.classifier;
  const verifiedScore = (pair: LabelledPair) =>
    similarity(pair) >= options.minimumSimilarity ? classifier!.probability(pair.a, pair.b) : 0;
  return {
    split: {
      development: split.development.length,
      heldOut: split.heldOut.length,
      heldOutDuplicates: split.heldOut.filter((pair) => pair.duplicate).length,
    },
    cosine: report(
      'cosine',
      grouped(split.development, similarity),
      grouped(split.heldOut, similarity),
      options.maxFalseHitRate,
      classifier === undefined && options.threshold !== undefined ? { threshold: options.threshold, chosenOn: 'option' } : undefined,
    ),
    verified:
      classifier === undefined
        ? null
        : report(
            'cosine+verifier',
            grouped(split.development, verifiedScore),
            grouped(split.heldOut, verifiedScore),
            options.maxFalseHitRate,
            options.threshold !== undefined
              ? { threshold: options.threshold, chosenOn: 'option' }
              : { threshold: classifier.model.threshold, chosenOn: 'model' },
          ),
  };
}
