import type { OutcomeTable } from '../data/outcome-table.ts';
import { policyResult, type PolicyResult } from './curve.ts';
import { nonDecreasingHull } from './metrics.ts';

export interface SingleModelResult extends PolicyResult {
  model: string;
}

/** Every candidate used alone. */
export function singleModels(table: OutcomeTable, premium: number): SingleModelResult[] {
  return table.models.map((model, candidate) => ({
    model,
    ...policyResult(table, premium, () => ({ attempts: [candidate], answered: candidate })),
  }));
}

/**
 * The per-item oracle: the cheapest candidate with the item's best score (an upper bound no
 * router reaches; it shows how much room routing has).
 */
export function oracle(table: OutcomeTable, premium: number): PolicyResult {
  const width = table.models.length;
  return policyResult(table, premium, (row) => {
    let best = 0;
    for (let candidate = 1; candidate < width; candidate++) {
      const score = table.scores[row * width + candidate]!;
      const bestScore = table.scores[row * width + best]!;
      if (score > bestScore || (score === bestScore && table.costs[row * width + candidate]! < table.costs[row * width + best]!)) best = candidate;
    }
    return { attempts: [best], answered: best };
  });
}

export interface RandomMixPoint {
  /** Share of items sent to the more expensive model of the pair. */
  share: number;
  quality: number;
  costUsdPer1k: number;
  premiumShare: number;
}

/**
 * The random router: each item goes to one of two neighbouring models on the single models'
 * quality/cost hull at random. Its expected quality and cost are the straight lines between the
 * hull's points (RouterBench's zero router; on two-model data, RouteLLM's random router).
 */
export function randomMix(singles: readonly SingleModelResult[], premiumModel: string, steps = 10): RandomMixPoint[] {
  const hull = nonDecreasingHull(singles.map((single) => ({ x: single.costUsdPer1k, y: single.quality, single })));
  const byPoint = hull.map((point) => point.single);
  const points: RandomMixPoint[] = [];
  for (let index = 0; index < byPoint.length; index++) {
    const from = byPoint[index]!;
    const to = byPoint[index + 1];
    const fromPremium = from.model === premiumModel ? 1 : 0;
    if (to === undefined) {
      points.push({ share: 0, quality: from.quality, costUsdPer1k: from.costUsdPer1k, premiumShare: fromPremium });
      break;
    }
    const toPremium = to.model === premiumModel ? 1 : 0;
    for (let step = 0; step < steps; step++) {
      const share = step / steps;
      points.push({
        share,
        quality: from.quality + share * (to.quality - from.quality),
        costUsdPer1k: from.costUsdPer1k + share * (to.costUsdPer1k - from.costUsdPer1k),
        premiumShare: fromPremium + share * (toPremium - fromPremium),
      });
    }
  }
  return points;
}
