import { FrugalError } from '../../errors/frugal-error.ts';

/** A route's semantic-cache settings. */
export interface SemanticPolicy {
  /**
   * 'classifier': a candidate is served only when the pair classifier's probability reaches
   * `threshold`. 'off': a candidate is served on embedder similarity alone (≥ minimumSimilarity);
   * only for embedders and traffic measured with `frugal cache eval`.
   */
  verification: 'classifier' | 'off';
  /** Classifier probability a candidate needs; the shipped default keeps Quora false hits ≤ 1%. */
  threshold: number;
  /** Embedder similarity for a stored entry to become a candidate (and, with verification off, a hit). */
  minimumSimilarity: number;
  ttlSeconds: number;
  /** Cache multi-turn conversations too (keyed by all their turns). Off by default: single-turn only. */
  multiTurn: boolean;
}

export type SemanticPolicyInput = Partial<SemanticPolicy>;

const DEFAULT_TTL_SECONDS = 24 * 3600;

function fraction(value: unknown, field: string, where: string): number {
  if (typeof value !== 'number' || !(value >= 0 && value <= 1)) {
    throw new FrugalError('FRUGAL_INVALID_CONFIG', `${where}.${field} must be a number from 0 to 1, got ${JSON.stringify(value)}`);
  }
  return value;
}

/**
 * Fills in a route's policy. `defaults` come from the shipped classifier (its tuned threshold
 * and minimum cosine). Turning verification off requires an explicit minimumSimilarity: the
 * lexical default of 0.4 is a candidate floor, far too low to serve answers on.
 */
export function resolveSemanticPolicy(
  input: SemanticPolicyInput,
  defaults: { threshold: number; minimumSimilarity: number },
  where = 'semanticCache',
): SemanticPolicy {
  const verification = input.verification ?? 'classifier';
  if (verification !== 'classifier' && verification !== 'off') {
    throw new FrugalError('FRUGAL_INVALID_CONFIG', `${where}.verification must be "classifier" or "off", got ${JSON.stringify(verification)}`);
  }
  if (verification === 'off' && input.minimumSimilarity === undefined) {
    throw new FrugalError(
      'FRUGAL_INVALID_CONFIG',
      `${where}.minimumSimilarity must be set when verification is "off" (choose it with frugal cache eval --verifier none)`,
    );
  }
  const ttlSeconds = input.ttlSeconds ?? DEFAULT_TTL_SECONDS;
  if (!Number.isInteger(ttlSeconds) || ttlSeconds < 1) {
    throw new FrugalError('FRUGAL_INVALID_CONFIG', `${where}.ttlSeconds must be a positive integer, got ${JSON.stringify(ttlSeconds)}`);
  }
  const multiTurn = input.multiTurn ?? false;
  if (typeof multiTurn !== 'boolean') {
    throw new FrugalError('FRUGAL_INVALID_CONFIG', `${where}.multiTurn must be true or false, got ${JSON.stringify(multiTurn)}`);
  }
  return {
    verification,
    threshold: fraction(input.threshold ?? defaults.threshold, 'threshold', where),
    minimumSimilarity: fraction(input.minimumSimilarity ?? defaults.minimumSimilarity, 'minimumSimilarity', where),
    ttlSeconds,
    multiTurn,
  };
}
