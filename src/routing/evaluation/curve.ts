import type { OutcomeTable } from '../data/outcome-table.ts';
import type { ItemDecision, PreparedRouter } from './offline-router.ts';

const PICO_PER_USD = 1e12;

/** Quality and spend of one routing policy on a table. */
export interface PolicyResult {
  quality: number;
  /** Spend per 1,000 prompts, USD (from the exact pico-USD total). */
  costUsdPer1k: number;
  /** Total spend ÷ expected successes (sum of scores); null when nothing succeeded. */
  costPerSuccessUsd: number | null;
  /** Share of items on which the premium candidate was called. */
  premiumShare: number;
  /** Calls per item (a cascade makes more than one). */
  attemptsPerItem: number;
  /** Total spend in integer pico-USD. */
  totalPico: number;
}

export interface CurvePoint extends PolicyResult {
  parameter: number;
}

/** Sums one decision per row exactly (integer pico-USD) and derives the per-1k figures. */
export function policyResult(table: OutcomeTable, premium: number, decisionOf: (row: number) => ItemDecision): PolicyResult {
  const width = table.models.length;
  let scoreSum = 0;
  let totalPico = 0;
  let premiumCalls = 0;
  let attempts = 0;
  for (let row = 0; row < table.items.length; row++) {
    const decision = decisionOf(row);
    scoreSum += table.scores[row * width + decision.answered]!;
    totalPico += decision.extraCostPico ?? 0;
    let calledPremium = false;
    for (const candidate of decision.attempts) {
      totalPico += table.costs[row * width + candidate]!;
      if (candidate === premium) calledPremium = true;
    }
    if (!Number.isSafeInteger(totalPico)) throw new RangeError('routing spend exceeds the exact pico-USD range');
    attempts += decision.attempts.length;
    if (calledPremium) premiumCalls++;
  }
  const count = Math.max(1, table.items.length);
  return {
    quality: scoreSum / count,
    costUsdPer1k: (totalPico / count / PICO_PER_USD) * 1000,
    costPerSuccessUsd: scoreSum > 0 ? totalPico / PICO_PER_USD / scoreSum : null,
    premiumShare: premiumCalls / count,
    attemptsPerItem: attempts / count,
    totalPico,
  };
}

/** The router's result at every parameter of its sweep. */
export function sweepCurve(table: OutcomeTable, premium: number, prepared: PreparedRouter): CurvePoint[] {
  return prepared.parameters.map((parameter) => ({
    parameter,
    ...policyResult(table, premium, (row) => prepared.decide(row, parameter)),
  }));
}
