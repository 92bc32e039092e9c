import { readFileSync } from 'node:fs';
import { FrugalError } from '../../../errors/frugal-error.ts';
import type { BoostedTrees } from './boosted-trees.ts';
import { PAIR_FEATURE_NAMES } from './pair-features.ts';

const FORMAT = 'frugal-pair-classifier/1';
const SHIPPED = new URL('./pair-classifier.json', import.meta.url);

/** The trained verifier as stored in JSON (written by src/cache/semantic/training/train-verifier.ts). */
export interface PairClassifierModel extends BoostedTrees {
  format: typeof FORMAT;
  features: string[];
  /** The IDF table the lexical features were computed with; the classifier is only valid with it. */
  idfFingerprint: string;
  /** Pairs below this lexical cosine were outside training and are always rejected. */
  minimumCosine: number;
  /** Probability threshold chosen on the tune split: false-hit rate ≤ 1% there. */
  threshold: number;
  /** How the model was trained and what it scored on the tune split, for people reading the file. */
  training: Record<string, unknown>;
}

export function parsePairClassifier(text: string, source: string): PairClassifierModel {
  const invalid = (detail: string) => new FrugalError('FRUGAL_INVALID_DATA', `pair classifier ${source}: ${detail}`, { source });
  let model: PairClassifierModel;
  try {
    model = JSON.parse(text) as PairClassifierModel;
  } catch (error) {
    throw invalid(`not valid JSON (${(error as Error).message})`);
  }
  if (model.format !== FORMAT) throw invalid(`"format" must be "${FORMAT}", got ${JSON.stringify(model.format)}`);
  if (JSON.stringify(model.features) !== JSON.stringify(PAIR_FEATURE_NAMES)) {
    throw invalid(`its features (${model.features?.join(', ')}) are not the ones this version computes; retrain it`);
  }
  for (const field of ['bias', 'minimumCosine', 'threshold'] as const) {
    if (typeof model[field] !== 'number') throw invalid(`"${field}" must be a number`);
  }
  if (!Array.isArray(model.trees) || model.trees.length === 0) throw invalid('"trees" must be a non-empty array');
  return model;
}

let shipped: PairClassifierModel | undefined;

/** The classifier shipped beside this file, read once. */
export function loadShippedPairClassifier(): PairClassifierModel {
  if (shipped !== undefined) return shipped;
  let text: string;
  try {
    text = readFileSync(SHIPPED, 'utf8');
  } catch {
    throw new FrugalError(
      'FRUGAL_DATA_MISSING',
      `the pair classifier ${SHIPPED.pathname} is absent; train it with: node src/cache/semantic/training/train-verifier.ts`,
      { path: SHIPPED.pathname },
    );
  }
  shipped = parsePairClassifier(text, SHIPPED.pathname);
  return shipped;
}
