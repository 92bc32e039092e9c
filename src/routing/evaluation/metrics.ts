/** A point of a router's trade-off curve on the x axis of the metric at hand. */
export interface XY {
  x: number;
  y: number;
}

/** Trapezoid area of the points sorted by x (numpy's trapz over the curve). */
export function trapezoidArea(points: readonly XY[]): number {
  const sorted = [...points].sort((left, right) => left.x - right.x);
  let area = 0;
  for (let index = 1; index < sorted.length; index++) {
    area += ((sorted[index]!.x - sorted[index - 1]!.x) * (sorted[index]!.y + sorted[index - 1]!.y)) / 2;
  }
  return area;
}

/**
 * RouteLLM's APGR: with x = share of calls to the strong model and y = quality,
 * (AUC_router − AUC_weak) / (AUC_strong − AUC_weak), where the weak and strong areas are flat
 * lines at their qualities over the same x range as the router's points.
 */
export function apgr(points: readonly XY[], weakQuality: number, strongQuality: number): number {
  const xs = points.map((point) => point.x);
  const span = Math.max(...xs) - Math.min(...xs);
  const weakArea = weakQuality * span;
  const strongArea = strongQuality * span;
  return (trapezoidArea(points) - weakArea) / (strongArea - weakArea);
}

/**
 * RouteLLM's CPT(share): the smallest share of strong calls at which the curve (sorted by x,
 * linearly interpolated) first reaches weak + share × (strong − weak); null when it never does.
 */
export function callPerformanceThreshold(points: readonly XY[], weakQuality: number, strongQuality: number, share: number): number | null {
  const target = weakQuality + share * (strongQuality - weakQuality);
  const sorted = [...points].sort((left, right) => left.x - right.x || left.y - right.y);
  for (let index = 0; index < sorted.length; index++) {
    const point = sorted[index]!;
    if (point.y >= target) {
      if (index === 0) return point.x;
      const previous = sorted[index - 1]!;
      if (previous.y >= target || point.y === previous.y) return point.x;
      return previous.x + ((target - previous.y) / (point.y - previous.y)) * (point.x - previous.x);
    }
  }
  return null;
}

/**
 * The upper, non-decreasing hull of (cost, quality) points: the best quality reachable at each
 * cost by mixing two points at random (monotone chain), keeping only points that raise quality.
 */
export function nonDecreasingHull<T extends XY>(points: readonly T[]): T[] {
  const sorted = [...points].sort((left, right) => left.x - right.x || right.y - left.y);
  const hull: T[] = [];
  for (const point of sorted) {
    if (hull.length > 0 && point.y <= hull[hull.length - 1]!.y) continue;
    while (hull.length >= 2) {
      const [a, b] = [hull[hull.length - 2]!, hull[hull.length - 1]!];
      // Drop b when it lies on or below the chord from a to the new point.
      const cross = (b.x - a.x) * (point.y - a.y) - (b.y - a.y) * (point.x - a.x);
      if (cross >= 0) hull.pop();
      else break;
    }
    hull.push(point);
  }
  return hull;
}

/**
 * RouterBench's AIQ: area under the router's non-decreasing hull in (cost, quality), from its
 * cheapest point to `maxCost` (the hull stays flat after its last point), divided by `maxCost`.
 */
export function aiq(points: readonly XY[], maxCost: number): number {
  const hull = nonDecreasingHull(points);
  if (hull.length === 0 || !(maxCost > 0)) return 0;
  const last = hull[hull.length - 1]!;
  const extended = last.x < maxCost ? [...hull, { x: maxCost, y: last.y }] : hull;
  return trapezoidArea(extended) / maxCost;
}
