import type { CurvePoint } from './curve.ts';

export type CalibrationTarget = { quality: number } | { premiumShare: number };

/** Higher quality first, then lower cost. */
function better(left: CurvePoint, right: CurvePoint): boolean {
  return left.quality > right.quality || (left.quality === right.quality && left.costUsdPer1k < right.costUsdPer1k);
}

/**
 * The curve point a target asks for, with whether it was met:
 * - quality Q: the cheapest point with quality ≥ Q (unmet: the best-quality point);
 * - premium share S: the best-quality point calling the premium model on at most S of items
 *   (unmet: the point with the smallest premium share).
 */
export function pickParameter(curve: readonly CurvePoint[], target: CalibrationTarget): { point: CurvePoint; met: boolean } {
  if (curve.length === 0) throw new RangeError('cannot calibrate on an empty curve');
  if ('quality' in target) {
    let cheapest: CurvePoint | undefined;
    for (const point of curve) {
      if (point.quality >= target.quality && (cheapest === undefined || point.costUsdPer1k < cheapest.costUsdPer1k)) cheapest = point;
    }
    if (cheapest !== undefined) return { point: cheapest, met: true };
    return { point: curve.reduce((best, point) => (better(point, best) ? point : best)), met: false };
  }
  let best: CurvePoint | undefined;
  for (const point of curve) if (point.premiumShare <= target.premiumShare + 1e-12 && (best === undefined || better(point, best))) best = point;
  if (best !== undefined) return { point: best, met: true };
  return { point: curve.reduce((least, point) => (point.premiumShare < least.premiumShare ? point : least)), met: false };
}
