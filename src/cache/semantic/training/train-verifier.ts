/**
 * Fits the lexical embedder's IDF table and trains the pair classifier, then writes both files
 * the cache ships with. Deterministic: the same data gives byte-identical files.
 *
 *   node src/cache/semantic/training/train-verifier.ts     (about a minute on one core)
 *
 * Data (../shared/data/paraphrase/), split by splitPairs (evaluation/split-pairs.ts):
 * - IDF: the texts of the train parts of qqp-dev, mrpc-train and stsb-train (no labels used).
 * - Classifier: the qqp-dev train part, pairs with lexical cosine ≥ MINIMUM_COSINE.
 * - Threshold: the lowest whose false-hit rate on the qqp-dev tune part is ≤ 1%.
 * The qqp-dev held-out part is never read here.
 */
import { writeFileSync } from 'node:fs';
import { fitIdf, serializeIdf } from '../../embedders/idf-table.ts';
import { LexicalEmbedder } from '../../embedders/lexical-embedder.ts';
import { DEFAULT_LEXICAL_FEATURES } from '../../embedders/lexical-features.ts';
import { readParaphraseFile } from '../evaluation/paraphrase-data.ts';
import { splitPairs } from '../evaluation/split-pairs.ts';
import { chooseThreshold } from '../evaluation/threshold-metrics.ts';
import { PairClassifier } from '../verifier/pair-classifier.ts';
import type { PairClassifierModel } from '../verifier/pair-classifier-model.ts';
import { PAIR_FEATURE_NAMES } from '../verifier/pair-features.ts';
import { DEFAULT_BOOSTING, fitBoostedTrees, type BoostingOptions } from './fit-boosted-trees.ts';

const MINIMUM_COSINE = 0.4;
const MAX_FALSE_HIT_RATE = 0.01;
const BOOSTING: BoostingOptions = { ...DEFAULT_BOOSTING, rounds: 200, depth: 4, learningRate: 0.1, minLeafHessian: 20 };
const IDF_FILE = new URL('../../embedders/lexical-idf.json', import.meta.url);
const CLASSIFIER_FILE = new URL('../verifier/pair-classifier.json', import.meta.url);

const started = performance.now();
const quora = splitPairs(readParaphraseFile('qqp-dev.jsonl'));
const idfParts = [quora.train, splitPairs(readParaphraseFile('mrpc-train.jsonl')).train, splitPairs(readParaphraseFile('stsb-train.jsonl')).train];
const idf = fitIdf(
  idfParts.flat().flatMap((pair) => [pair.a, pair.b]),
  DEFAULT_LEXICAL_FEATURES,
  'texts of the train parts of qqp-dev, mrpc-train and stsb-train (shared/data/paraphrase)',
);
writeFileSync(IDF_FILE, serializeIdf(idf));
const embedder = new LexicalEmbedder(idf);

// Features only; the classifier object is needed for feature extraction, its trees come next.
const draft = new PairClassifier(
  { format: 'frugal-pair-classifier/1', features: [...PAIR_FEATURE_NAMES], idfFingerprint: idf.fingerprint, minimumCosine: MINIMUM_COSINE, threshold: 1, training: {}, bias: 0, trees: [0] },
  embedder,
);
const trainRows: number[][] = [];
const trainLabels: number[] = [];
for (const pair of quora.train) {
  const features = draft.features(pair.a, pair.b);
  if (features[0]! < MINIMUM_COSINE) continue;
  trainRows.push(features);
  trainLabels.push(pair.duplicate ? 1 : 0);
}
const trees = fitBoostedTrees(trainRows, trainLabels, BOOSTING);
const untuned: PairClassifierModel = { ...draft.model, ...trees };
const classifier = new PairClassifier(untuned, embedder);
const tuneScores = quora.tune.map((pair) => ({ score: classifier.probability(pair.a, pair.b), duplicate: pair.duplicate }));
const chosen = chooseThreshold(tuneScores, MAX_FALSE_HIT_RATE);
if (chosen === undefined) throw new Error('no threshold keeps the tune false-hit rate at or under 1%');

const round = (value: number | null) => (value === null ? null : Number(value.toFixed(4)));
const model: PairClassifierModel = {
  format: 'frugal-pair-classifier/1',
  features: [...PAIR_FEATURE_NAMES],
  idfFingerprint: idf.fingerprint,
  minimumCosine: MINIMUM_COSINE,
  threshold: chosen.threshold,
  training: {
    command: 'node src/cache/semantic/training/train-verifier.ts',
    data: `qqp-dev.jsonl train part: ${trainRows.length} of ${quora.train.length} pairs with lexical cosine >= ${MINIMUM_COSINE} (${trainLabels.filter((label) => label === 1).length} duplicates)`,
    model: `gradient-boosted trees, logistic loss: ${JSON.stringify(BOOSTING)}`,
    thresholdChosenOn: `qqp-dev.jsonl tune part (${quora.tune.length} pairs): lowest threshold with false-hit rate <= ${MAX_FALSE_HIT_RATE}`,
    tune: { precision: round(chosen.precision), recall: round(chosen.recall), falseHitRate: round(chosen.falseHitRate) },
  },
  bias: trees.bias,
  trees: trees.trees,
};
writeFileSync(CLASSIFIER_FILE, `${JSON.stringify(model)}\n`);
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(`IDF ${idf.fingerprint} over ${idf.documentCount} texts; classifier: ${trainRows.length} training pairs, ${trees.trees.length} trees`);
console.log(`threshold ${chosen.threshold} on the tune part: precision ${round(chosen.precision)}, recall ${round(chosen.recall)}, false-hit rate ${round(chosen.falseHitRate)} (${seconds} s)`);
