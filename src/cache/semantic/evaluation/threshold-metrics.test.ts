import assert from 'node:assert/strict';
import { test } from 'node:test';
import { chooseThreshold, chooseThresholdWithConfidence, curve, pointAt, type GroupedScore } from './threshold-metrics.ts';

// 4 duplicates, 6 non-duplicates.
const SCORED = [
  { score: 0.95, duplicate: true },
  { score: 0.9, duplicate: true },
  { score: 0.85, duplicate: false },
  { score: 0.7, duplicate: true },
  { score: 0.6, duplicate: false },
  { score: 0.5, duplicate: true },
  { score: 0.4, duplicate: false },
  { score: 0.3, duplicate: false },
  { score: 0.2, duplicate: false },
  { score: 0.1, duplicate: false },
];

test('precision, recall and false-hit rate at a threshold (hand computed)', () => {
  // At 0.6: accepted 0.95, 0.9, 0.85, 0.7, 0.6 → 3 correct, 2 false.
  // precision 3/5 = 0.6; recall 3/4 = 0.75; false-hit rate 2/6 = 0.3333.
  const point = pointAt(SCORED, 0.6);
  assert.equal(point.accepted, 5);
  assert.equal(point.correctHits, 3);
  assert.equal(point.falseHits, 2);
  assert.equal(point.precision, 0.6);
  assert.equal(point.recall, 0.75);
  assert.equal(point.falseHitRate, 2 / 6);
});

test('nothing accepted: precision is undefined (null), recall and false-hit rate are 0', () => {
  assert.deepEqual(pointAt(SCORED, 0.99), { threshold: 0.99, accepted: 0, correctHits: 0, falseHits: 0, precision: null, recall: 0, falseHitRate: 0 });
});

test('all duplicates: the false-hit rate cannot be measured', () => {
  assert.equal(pointAt([{ score: 0.5, duplicate: true }], 0.4).falseHitRate, null);
  assert.equal(chooseThreshold([{ score: 0.5, duplicate: true }], 0.01), undefined);
});

test('the chosen threshold is the lowest whose false-hit rate meets the target', () => {
  // False-hit rate ≤ 1/6: only 0.85 may pass → lowest threshold is just above 0.6 → 0.605 on the grid;
  // there 0.95, 0.9, 0.85, 0.7 pass: recall 3/4, 1 false hit.
  const chosen = chooseThreshold(SCORED, 1 / 6)!;
  assert.equal(chosen.threshold, 0.605);
  assert.equal(chosen.falseHits, 1);
  assert.equal(chosen.recall, 0.75);
  // No false hit at all: above 0.85 → 0.855; recall 2/4.
  assert.equal(chooseThreshold(SCORED, 0)!.threshold, 0.855);
  assert.equal(curve(SCORED).length, 201);
});

test('the confidence rule is stricter when false hits clump in a group, and deterministic', () => {
  // 200 groups of one non-duplicate scoring 0.1, plus one group of 3 non-duplicates scoring 0.7 and
  // 10 duplicates scoring 0.9. Plain rule at ≤ 2%: 3 / 203 = 1.48% passes at 0.7, so 0.105 (just above 0.1).
  const scored: GroupedScore[] = [
    ...Array.from({ length: 200 }, (_, index) => ({ score: 0.1, duplicate: false, group: `single-${index}` })),
    ...Array.from({ length: 3 }, () => ({ score: 0.7, duplicate: false, group: 'clump' })),
    ...Array.from({ length: 10 }, (_, index) => ({ score: 0.9, duplicate: true, group: `duplicate-${index}` })),
  ];
  assert.equal(chooseThreshold(scored, 0.02)!.threshold, 0.105);
  // Resampling draws the clump twice or more in about a quarter of draws (3 or 6+ of ~200 ≥ 2%),
  // so at 95% confidence the clump must be excluded: the threshold rises above 0.7.
  const confident = chooseThresholdWithConfidence(scored, 0.02)!;
  assert.equal(confident.threshold, 0.705);
  assert.deepEqual(chooseThresholdWithConfidence(scored, 0.02), confident);
});
