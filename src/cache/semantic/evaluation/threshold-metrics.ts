import { xorshift32 } from '../xorshift32.ts';

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

/** A scored pair with the group it belongs to (pairs sharing a text; see pairGroups). */
export interface GroupedScore extends ScoredPair {
  group: string;
}

/**
 * The lowest threshold whose false-hit rate stays at or under `maxFalseHitRate` in `confidence`
 * of `draws` resamples of the pairs' groups (a cluster bootstrap). Pairs in one group are
 * alike, so false hits come in clumps, and a threshold that only just meets the target on the
 * pairs it was tuned on overshoots it on others. Resampling is seeded: the choice is deterministic.
 */
export function chooseThresholdWithConfidence(
  scored: readonly GroupedScore[],
  maxFalseHitRate: number,
  confidence = 0.95,
  draws = 1000,
  thresholds: readonly number[] = THRESHOLD_GRID,
): ThresholdPoint | undefined {
  const sorted = [...thresholds].sort((left, right) => left - right);
  // Per group, each non-duplicate as the index of the highest threshold it still passes (-1: none).
  const byGroup = new Map<string, number[]>();
  for (const pair of scored) {
    const members = byGroup.get(pair.group) ?? [];
    if (!pair.duplicate) {
      let passes = -1;
      while (passes + 1 < sorted.length && pair.score >= sorted[passes + 1]!) passes++;
      members.push(passes);
    }
    byGroup.set(pair.group, members);
  }
  const groups = [...byGroup.values()];
  if (groups.every((members) => members.length === 0)) return undefined;

  const random = xorshift32(0x9e3779b9);
  const rates = sorted.map(() => new Float64Array(draws));
  const passing = new Float64Array(sorted.length);
  for (let draw = 0; draw < draws; draw++) {
    passing.fill(0);
    let negatives = 0;
    for (let pick = 0; pick < groups.length; pick++) {
      const members = groups[Math.floor(random() * groups.length)]!;
      negatives += members.length;
      for (const passes of members) if (passes >= 0) passing[passes]! += 1;
    }
    // A non-duplicate passing threshold k passes every lower one too.
    let falseHits = 0;
    for (let index = sorted.length - 1; index >= 0; index--) {
      falseHits += passing[index]!;
      rates[index]![draw] = negatives === 0 ? 0 : falseHits / negatives;
    }
  }
  for (let index = 0; index < sorted.length; index++) {
    const drawn = rates[index]!.sort();
    if (drawn[Math.min(draws - 1, Math.ceil(confidence * draws) - 1)]! <= maxFalseHitRate) return pointAt(scored, sorted[index]!);
  }
  return undefined;
}
