import assert from 'node:assert/strict';
import { test } from 'node:test';
import { shippedLexicalEmbedder } from '../../embedders/shipped-lexical-embedder.ts';
import { sparseDot } from '../../embedders/sparse-vector.ts';
import { PairClassifier } from '../verifier/pair-classifier.ts';
import { loadShippedPairClassifier } from '../verifier/pair-classifier-model.ts';
import { readParaphraseFile } from './paraphrase-data.ts';
import { splitPairs } from './split-pairs.ts';
import { curve, pointAt } from './threshold-metrics.ts';

test('on held-out Quora pairs the verifier makes fewer false hits than plain cosine at the same recall', () => {
  // A subset keeps the test fast; the full figures come from `frugal cache eval` (docs/caching.md).
  const pairs = splitPairs(readParaphraseFile('qqp-dev.jsonl')).heldOut.slice(0, 3000);
  const embedder = shippedLexicalEmbedder();
  const classifier = new PairClassifier(loadShippedPairClassifier(), embedder);
  const verified = pointAt(
    pairs.map((pair) => ({ score: classifier.probability(pair.a, pair.b), duplicate: pair.duplicate })),
    classifier.model.threshold,
  );
  const cosines = pairs.map((pair) => ({ score: sparseDot(embedder.sparse(pair.a), embedder.sparse(pair.b)), duplicate: pair.duplicate }));
  // The strictest cosine threshold that still finds as many duplicates as the verifier.
  const sameRecall = curve(cosines).filter((point) => point.recall! >= verified.recall!).at(-1)!;
  assert.ok(verified.correctHits > 0);
  assert.ok(
    verified.falseHits < sameRecall.falseHits,
    `verifier ${verified.falseHits} false hits, cosine ${sameRecall.falseHits} at recall ${sameRecall.recall}`,
  );
  assert.ok(verified.precision! > sameRecall.precision!);
});
