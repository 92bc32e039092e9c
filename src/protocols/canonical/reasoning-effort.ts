import type { ReasoningEffort } from './request.ts';

/**
 * Effort ⇄ thinking-token budget, for protocols that take only one of them. The budgets
 * are the ones LiteLLM and OpenRouter use when they translate effort to Anthropic thinking
 * (low 1,024, medium 2,048, high 4,096); above high the scale doubles.
 */
const BUDGETS: Record<ReasoningEffort, number> = {
  none: 0,
  minimal: 512,
  low: 1024,
  medium: 2048,
  high: 4096,
  xhigh: 8192,
  max: 16384,
};

export function budgetForEffort(effort: ReasoningEffort): number {
  return BUDGETS[effort];
}

/** The smallest effort whose budget covers `budget` tokens. */
export function effortForBudget(budget: number): ReasoningEffort {
  if (budget <= 0) return 'none';
  for (const effort of ['minimal', 'low', 'medium', 'high', 'xhigh'] as const) {
    if (budget <= BUDGETS[effort]) return effort;
  }
  return 'max';
}
