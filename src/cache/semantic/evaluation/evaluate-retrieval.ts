import type { Embedder } from '../../embedders/embedder.ts';
import { SemanticCache } from '../semantic-cache.ts';
import type { SemanticScope } from '../scope.ts';
import type { PairClassifier } from '../verifier/pair-classifier.ts';
import type { LabelledPair } from './labelled-pairs.ts';

export interface RetrievalRow {
  method: 'cosine' | 'cosine+verifier';
  threshold: number;
  /** Queries answered with their own pair's entry, with another pair's entry, or not at all. */
  correct: number;
  wrong: number;
  miss: number;
}

export interface RetrievalOptions {
  pairs: LabelledPair[];
  embedder: Embedder;
  classifier: PairClassifier;
  /** Candidate floor for the verified method. */
  minimumSimilarity: number;
  classifierThreshold: number;
  cosineThresholds: number[];
}

const SCOPE: SemanticScope = { tenant: 'eval', route: 'eval', model: 'eval', systemPromptHash: '', toolSetHash: '', parametersHash: '' };

/**
 * GPTCache's benchmark, run the same way: every duplicate pair's `a` is stored (its answer is
 * the pair's number), then every `b` is looked up; a hit is correct when it returns its own
 * pair's answer and wrong when it returns another's. Runs through SemanticCache itself.
 */
export async function evaluateRetrieval(options: RetrievalOptions): Promise<RetrievalRow[]> {
  const pairs = options.pairs.filter((pair) => pair.duplicate);
  const cache = new SemanticCache({ embedder: options.embedder, classifier: options.classifier, path: ':memory:', maxEntries: pairs.length + 1 });
  try {
    const lowest = Math.min(...options.cosineThresholds);
    const cosinePolicy = cache.policy({ verification: 'off', minimumSimilarity: lowest, ttlSeconds: 86_400 });
    const verifiedPolicy = cache.policy({ threshold: options.classifierThreshold, minimumSimilarity: options.minimumSimilarity, ttlSeconds: 86_400 });
    for (const [index, pair] of pairs.entries()) await cache.store(SCOPE, pair.a, index, cosinePolicy);

    const rows: RetrievalRow[] = options.cosineThresholds.map((threshold) => ({ method: 'cosine', threshold, correct: 0, wrong: 0, miss: 0 }));
    const verified: RetrievalRow = { method: 'cosine+verifier', threshold: options.classifierThreshold, correct: 0, wrong: 0, miss: 0 };
    for (const [index, pair] of pairs.entries()) {
      const nearest = await cache.lookup<number>(SCOPE, pair.b, cosinePolicy);
      for (const row of rows) {
        if (!nearest.hit || nearest.similarity < row.threshold) row.miss++;
        else if (nearest.entry.response === index) row.correct++;
        else row.wrong++;
      }
      const checked = await cache.lookup<number>(SCOPE, pair.b, verifiedPolicy);
      if (!checked.hit) verified.miss++;
      else if (checked.entry.response === index) verified.correct++;
      else verified.wrong++;
    }
    return [...rows, verified];
  } finally {
    cache.close();
  }
}
