import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CurvePoint } from './curve.ts';
import { pickParameter } from './pick-parameter.ts';

function point(parameter: number, quality: number, costUsdPer1k: number, premiumShare: number): CurvePoint {
  return { parameter, quality, costUsdPer1k, premiumShare, costPerSuccessUsd: null, attemptsPerItem: 1, totalPico: 0 };
}

const curve = [point(3, 0.7, 1, 0), point(2, 0.8, 2, 0.2), point(1, 0.85, 3, 0.5), point(0, 0.84, 4, 0.9)];

test('a quality target picks the cheapest point that reaches it', () => {
  assert.deepEqual(pickParameter(curve, { quality: 0.8 }), { point: curve[1], met: true });
});

test('an unreachable quality target keeps the best point and says so', () => {
  assert.deepEqual(pickParameter(curve, { quality: 0.95 }), { point: curve[2], met: false });
});

test('a premium-share target picks the best quality within the share', () => {
  assert.deepEqual(pickParameter(curve, { premiumShare: 0.3 }), { point: curve[1], met: true });
  assert.deepEqual(pickParameter(curve, { premiumShare: 1 }), { point: curve[2], met: true });
});
