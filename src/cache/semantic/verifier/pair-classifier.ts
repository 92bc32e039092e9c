import { FrugalError } from '../../../errors/frugal-error.ts';
import type { LexicalEmbedder } from '../../embedders/lexical-embedder.ts';
import { predictProbability } from './boosted-trees.ts';
import type { PairClassifierModel } from './pair-classifier-model.ts';
import { pairFeatures } from './pair-features.ts';
import { profileText } from './text-profile.ts';

/**
 * The verification stage: the probability that two texts ask the same thing, from lexical
 * features of the pair (see pair-features.ts) through gradient-boosted trees. It needs the
 * lexical embedder it was trained with, whatever embedder found the candidate.
 */
export class PairClassifier {
  readonly name: string;
  readonly model: PairClassifierModel;
  readonly #embedder: LexicalEmbedder;

  constructor(model: PairClassifierModel, embedder: LexicalEmbedder) {
    if (embedder.idf.fingerprint !== model.idfFingerprint) {
      throw new FrugalError(
        'FRUGAL_INVALID_DATA',
        `the pair classifier was trained with IDF table ${model.idfFingerprint}, the lexical embedder uses ${embedder.idf.fingerprint}; retrain it with node src/cache/semantic/training/train-verifier.ts`,
      );
    }
    this.model = model;
    this.#embedder = embedder;
    this.name = `pair-classifier:${model.idfFingerprint}`;
  }

  /** 0 for pairs below the model's minimum lexical cosine (never seen in training). */
  probability(query: string, candidate: string): number {
    return this.probabilityOf(this.features(query, candidate));
  }

  features(query: string, candidate: string): number[] {
    return pairFeatures(profileText(query, this.#embedder), profileText(candidate, this.#embedder), this.#embedder);
  }

  probabilityOf(features: readonly number[]): number {
    // Feature 0 is the lexical cosine.
    if (features[0]! < this.model.minimumCosine) return 0;
    return predictProbability(this.model, features);
  }
}
