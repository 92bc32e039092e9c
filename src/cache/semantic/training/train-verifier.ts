/**
 * Fits the lexical embedder's IDF table and trains the pair classifier, then writes both files
 * the cache ships with. Deterministic: the same data gives byte-identical files.
 *
 *   node src/cache/semantic/training/train-verifier.ts     (about two minutes on one core)
 *
 * Data (../shared/data/paraphrase/), split by splitPairs (evaluation/split-pairs.ts); only the
 * development parts are read, never the held-out ones:
 * - IDF: the texts of qqp-dev, mrpc-train and stsb-train (no labels).
 * - Classifier: the labelled pairs of the same three with lexical cosine ≥ MINIMUM_COSINE. Quora
 *   questions are the main traffic; the news and caption sentences keep the model from being
 *   sure of itself on text that is not a question.
 * - Threshold: 5-fold cross-fitting (folds by group of pairs sharing a text); on the out-of-fold
 *   probabilities of the Quora pairs, the lowest threshold whose false-hit rate is ≤ 1% in 95%
 *   of group resamples (chooseThresholdWithConfidence). The per-source thresholds are recorded
 *   too. The shipped trees are then fitted on all the development pairs.
 */
import { writeFileSync } from 'node:fs';
import { fitIdf, serializeIdf } from '../../embedders/idf-table.ts';
import { LexicalEmbedder } from '../../embedders/lexical-embedder.ts';
import { DEFAULT_LEXICAL_FEATURES } from '../../embedders/lexical-features.ts';
import { readParaphraseFile } from '../evaluation/paraphrase-data.ts';
import { groupBucket, pairGroups, splitPairs } from '../evaluation/split-pairs.ts';
import { chooseThresholdWithConfidence, pointAt } from '../evaluation/threshold-metrics.ts';
import { predictProbability } from '../verifier/boosted-trees.ts';
import type { PairClassifierModel } from '../verifier/pair-classifier-model.ts';
import { pairFeatures, PAIR_FEATURE_NAMES } from '../verifier/pair-features.ts';
import { profileText } from '../verifier/text-profile.ts';
import { DEFAULT_BOOSTING, fitBoostedTrees, type BoostingOptions } from './fit-boosted-trees.ts';

const MINIMUM_COSINE = 0.4;
const MAX_FALSE_HIT_RATE = 0.01;
const CONFIDENCE = 0.95;
const FOLDS = 5;
const BOOSTING: BoostingOptions = { ...DEFAULT_BOOSTING, rounds: 200, depth: 4, learningRate: 0.1, minLeafHessian: 20 };
const IDF_FILE = new URL('../../embedders/lexical-idf.json', import.meta.url);
const CLASSIFIER_FILE = new URL('../verifier/pair-classifier.json', import.meta.url);

const started = performance.now();
const log = (message: string) => console.log(`${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s  ${message}`);

const SOURCES = ['qqp-dev', 'mrpc-train', 'stsb-train'] as const;
const THRESHOLD_SOURCE = 'qqp-dev';
const development = SOURCES.map((source) => ({ source, pairs: splitPairs(readParaphraseFile(`${source}.jsonl`)).development }));
const idf = fitIdf(
  development.flatMap(({ pairs }) => pairs.flatMap((pair) => [pair.a, pair.b])),
  DEFAULT_LEXICAL_FEATURES,
  `texts of the development parts of ${SOURCES.map((source) => `${source}.jsonl`).join(', ')} (shared/data/paraphrase)`,
);
writeFileSync(IDF_FILE, serializeIdf(idf));
const embedder = new LexicalEmbedder(idf);
log(`IDF ${idf.fingerprint} fitted on ${idf.documentCount} texts`);

interface Row {
  source: string;
  features: number[];
  label: number;
  fold: number;
  group: string;
}
const rows: Row[] = development.flatMap(({ source, pairs }) => {
  const groups = pairGroups(pairs);
  return pairs.map((pair, index) => ({
    source,
    features: pairFeatures(profileText(pair.a, embedder), profileText(pair.b, embedder), embedder),
    label: pair.duplicate ? 1 : 0,
    fold: groupBucket(groups[index]!, FOLDS, 'fold'),
    group: `${source}\n${groups[index]!}`,
  }));
});
const candidates = rows.filter((row) => row.features[0]! >= MINIMUM_COSINE);
log(`features of ${rows.length} development pairs; ${candidates.length} reach cosine ${MINIMUM_COSINE}`);

const outOfFold = new Map<Row, number>();
for (let fold = 0; fold < FOLDS; fold++) {
  const training = candidates.filter((row) => row.fold !== fold);
  const trees = fitBoostedTrees(training.map((row) => row.features), training.map((row) => row.label), BOOSTING);
  for (const row of candidates) if (row.fold === fold) outOfFold.set(row, predictProbability(trees, row.features));
  log(`fold ${fold + 1}/${FOLDS} fitted`);
}
const scoredFrom = (source: string) =>
  rows.filter((row) => row.source === source).map((row) => ({ score: outOfFold.get(row) ?? 0, duplicate: row.label === 1, group: row.group }));
const chosen = chooseThresholdWithConfidence(scoredFrom(THRESHOLD_SOURCE), MAX_FALSE_HIT_RATE, CONFIDENCE);
if (chosen === undefined) throw new Error(`no threshold keeps the false-hit rate at or under ${MAX_FALSE_HIT_RATE}`);

const trees = fitBoostedTrees(candidates.map((row) => row.features), candidates.map((row) => row.label), BOOSTING);
const round = (value: number | null) => (value === null ? null : Number(value.toFixed(4)));
const model: PairClassifierModel = {
  format: 'frugal-pair-classifier/1',
  features: [...PAIR_FEATURE_NAMES],
  idfFingerprint: idf.fingerprint,
  minimumCosine: MINIMUM_COSINE,
  threshold: chosen.threshold,
  training: {
    command: 'node src/cache/semantic/training/train-verifier.ts',
    data: SOURCES.map((source) => {
      const own = candidates.filter((row) => row.source === source);
      return `${source}.jsonl development part: ${own.length} pairs with lexical cosine >= ${MINIMUM_COSINE} (${own.filter((row) => row.label === 1).length} duplicates)`;
    }),
    model: `gradient-boosted trees, logistic loss: ${JSON.stringify(BOOSTING)}`,
    threshold: `lowest whose false-hit rate on the ${THRESHOLD_SOURCE} pairs' ${FOLDS}-fold out-of-fold probabilities is <= ${MAX_FALSE_HIT_RATE} in ${CONFIDENCE * 100}% of group resamples`,
    outOfFold: Object.fromEntries(
      SOURCES.map((source) => {
        const scored = scoredFrom(source);
        const atDefault = pointAt(scored, chosen.threshold);
        return [
          source,
          {
            atDefault: { precision: round(atDefault.precision), recall: round(atDefault.recall), falseHitRate: round(atDefault.falseHitRate) },
            ownThreshold: chooseThresholdWithConfidence(scored, MAX_FALSE_HIT_RATE, CONFIDENCE)?.threshold ?? null,
          },
        ];
      }),
    ),
  },
  bias: trees.bias,
  trees: trees.trees,
};
writeFileSync(CLASSIFIER_FILE, `${JSON.stringify(model)}\n`);
log(`classifier: ${trees.trees.length} trees; threshold ${chosen.threshold}; out of fold: ${JSON.stringify(model.training.outOfFold)}`);
