import type { DecisionRule } from './router-model.ts';

/**
 * The candidate a rule picks from per-candidate P(success) and expected cost (USD per 1,000
 * prompts). Ties go to the cheaper candidate.
 */
export function chooseCandidate(probabilities: ArrayLike<number>, costs: ArrayLike<number>, rule: DecisionRule): number {
  let best = 0;
  if (rule.rule === 'utility') {
    let bestValue = -Infinity;
    for (let candidate = 0; candidate < probabilities.length; candidate++) {
      const value = probabilities[candidate]! - rule.lambda * costs[candidate]!;
      if (value > bestValue || (value === bestValue && costs[candidate]! < costs[best]!)) {
        bestValue = value;
        best = candidate;
      }
    }
    return best;
  }
  let cheapest = -1;
  for (let candidate = 0; candidate < probabilities.length; candidate++) {
    if (probabilities[candidate]! >= rule.threshold && (cheapest === -1 || costs[candidate]! < costs[cheapest]!)) cheapest = candidate;
    if (probabilities[candidate]! > probabilities[best]!) best = candidate;
  }
  return cheapest === -1 ? best : cheapest;
}
