import { test } from 'node:test';
import assert from 'node:assert/strict';
import { aiq, apgr, callPerformanceThreshold, nonDecreasingHull, trapezoidArea } from './metrics.ts';

// A tiny two-model curve: weak quality 0.6, strong 0.9; x = share of strong calls.
const curve = [
  { x: 0, y: 0.6 },
  { x: 0.5, y: 0.84 },
  { x: 1, y: 0.9 },
];

test('trapezoid area of a curve, whatever the point order', () => {
  // (0.6 + 0.84)/2 × 0.5 + (0.84 + 0.9)/2 × 0.5 = 0.36 + 0.435 = 0.795
  assert.ok(Math.abs(trapezoidArea([curve[2]!, curve[0]!, curve[1]!]) - 0.795) < 1e-12);
});

test('APGR: (AUC − weak area) / (strong area − weak area) over the curve’s x range', () => {
  // (0.795 − 0.6) / (0.9 − 0.6) = 0.195 / 0.3 = 0.65
  assert.ok(Math.abs(apgr(curve, 0.6, 0.9) - 0.65) < 1e-12);
  // The random router is the straight line: exactly 0.5.
  assert.ok(Math.abs(apgr([{ x: 0, y: 0.6 }, { x: 1, y: 0.9 }], 0.6, 0.9) - 0.5) < 1e-12);
});

test('CPT: strong-call share where the curve first reaches weak + share × (strong − weak), interpolated', () => {
  // 50%: target 0.75 on the segment 0.6 → 0.84 over x 0 → 0.5: x = 0.5 × (0.15 / 0.24) = 0.3125
  assert.ok(Math.abs(callPerformanceThreshold(curve, 0.6, 0.9, 0.5)! - 0.3125) < 1e-12);
  // 80%: target 0.84, reached exactly at x = 0.5
  assert.ok(Math.abs(callPerformanceThreshold(curve, 0.6, 0.9, 0.8)! - 0.5) < 1e-12);
  // A curve that never gets there
  assert.equal(callPerformanceThreshold([{ x: 0, y: 0.6 }, { x: 1, y: 0.7 }], 0.6, 0.9, 0.5), null);
});

test('the non-decreasing hull drops dominated and below-chord points', () => {
  const points = [
    { x: 1, y: 0.5 },
    { x: 2, y: 0.55 }, // below the chord from (1, 0.5) to (3, 0.8): 0.65 there
    { x: 3, y: 0.8 },
    { x: 4, y: 0.7 }, // costs more for less
    { x: 5, y: 0.9 },
  ];
  assert.deepEqual(nonDecreasingHull(points), [points[0], points[2], points[4]]);
});

test('AIQ: hull area from its cheapest point to the maximum cost, flat after its last point, ÷ maximum cost', () => {
  // Hull (1, 0.5) → (3, 0.8) → (5, 0.9), extended flat to 10:
  // 2 × 0.65 + 2 × 0.85 + 5 × 0.9 = 1.3 + 1.7 + 4.5 = 7.5; ÷ 10 = 0.75
  const points = [
    { x: 1, y: 0.5 },
    { x: 2, y: 0.55 },
    { x: 3, y: 0.8 },
    { x: 5, y: 0.9 },
  ];
  assert.ok(Math.abs(aiq(points, 10) - 0.75) < 1e-12);
});
