/** A pair's score under some method (cosine, verifier probability) and its label. */
export interface ScoredPair {
  score: number;
  duplicate: boolean;
}

/** What accepting every pair scoring at or above `threshold` would do. */
export interface ThresholdPoint {
  threshold: number;
  accepted: number;
  /** Duplicates accepted (correct hits) and non-duplicates accepted (false hits). */
  correctHits: number;
  falseHits: number;
  /** correctHits ÷ accepted; null when nothing is accepted. */
  precision: number | null;
  /** correctHits ÷ duplicates; null when there are no duplicates. */
  recall: number | null;
  /** falseHits ÷ non-duplicates; null when there are no non-duplicates. */
  falseHitRate: number | null;
}

/** 0, 0.005, …, 1: fine enough to find a 1% false-hit point, coarse enough to print. */
export const THRESHOLD_GRID: readonly number[] = Array.from({ length: 201 }, (_, step) => step / 200);

export function pointAt(scored: readonly ScoredPair[], threshold: number): ThresholdPoint {
  let duplicates = 0;
  let correctHits = 0;
  let falseHits = 0;
  for (const pair of scored) {
    if (pair.duplicate) duplicates++;
    if (pair.score < threshold) continue;
    if (pair.duplicate) correctHits++;
    else falseHits++;
  }
  const nonDuplicates = scored.length - duplicates;
  const accepted = correctHits + falseHits;
  return {
    threshold,
    accepted,
    correctHits,
    falseHits,
    precision: accepted === 0 ? null : correctHits / accepted,
    recall: duplicates === 0 ? null : correctHits / duplicates,
    falseHitRate: nonDuplicates === 0 ? null : falseHits / nonDuplicates,
  };
}

export function curve(scored: readonly ScoredPair[], thresholds: readonly number[] = THRESHOLD_GRID): ThresholdPoint[] {
  return thresholds.map((threshold) => pointAt(scored, threshold));
}

/**
 * The lowest threshold (most hits) whose false-hit rate is at most `maxFalseHitRate`. False hits
 * only fall as the threshold rises, so this is also the highest-recall admissible point.
 * Undefined when the pairs hold no non-duplicates to measure false hits on.
 */
export function chooseThreshold(
  scored: readonly ScoredPair[],
  maxFalseHitRate: number,
  thresholds: readonly number[] = THRESHOLD_GRID,
): ThresholdPoint | undefined {
  for (const threshold of [...thresholds].sort((left, right) => left - right)) {
    const point = pointAt(scored, threshold);
    if (point.falseHitRate === null) return undefined;
    if (point.falseHitRate <= maxFalseHitRate) return point;
  }
  return undefined;
}
