import type { ReasoningEffort, ReasoningSettings } from '../../protocols/canonical/request.ts';
import type { Random } from '../seeded-random.ts';

/** Median hidden reasoning tokens per effort level (OpenAI's published ranges, rounded). */
const MEDIAN_BY_EFFORT: Record<ReasoningEffort, number> = {
  none: 0,
  minimal: 24,
  low: 160,
  medium: 520,
  high: 1400,
  xhigh: 2600,
  max: 4000,
};

const LOG_SPREAD = 0.5;

/** Whether a reasoning model thinks when the request says nothing: OpenAI and Gemini do, Claude does not. */
export type ReasoningDefault = 'on' | 'off';

/**
 * Reasoning tokens a reasoning model spends on a request: by effort (OpenAI `reasoning_effort`,
 * Anthropic adaptive effort), or about 60% of an explicit budget (Anthropic `budget_tokens`, Gemini
 * `thinkingBudget`), never more than the budget; zero when thinking is off or the model does not reason.
 */
export function reasoningTokens(
  settings: ReasoningSettings | undefined,
  reasoningModel: boolean,
  whenUnspecified: ReasoningDefault,
  random: Random,
): number {
  if (!reasoningModel) return 0;
  if (settings?.enabled === false || settings?.effort === 'none' || settings?.budgetTokens === 0) return 0;
  const specified = settings?.enabled === true || settings?.effort !== undefined || (settings?.budgetTokens ?? 0) > 0;
  if (!specified && whenUnspecified === 'off') return 0;
  const budget = settings?.budgetTokens !== undefined && settings.budgetTokens > 0 ? settings.budgetTokens : undefined;
  const median = budget !== undefined ? budget * 0.6 : MEDIAN_BY_EFFORT[settings?.effort ?? 'medium'];
  const drawn = Math.max(1, Math.round(median * Math.exp(LOG_SPREAD * random.normal())));
  return budget === undefined ? drawn : Math.min(budget, drawn);
}
