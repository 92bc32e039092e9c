import type { CanonicalRequest } from '../canonical/request.ts';
import { ANTHROPIC_EFFORTS, type AnthropicMessagesRequest } from './wire-types.ts';

const MIN_THINKING_BUDGET = 1024;

/**
 * Canonical reasoning → `thinking` (enabled with a budget, adaptive, or disabled) and
 * `output_config.effort`. The body's `max_tokens` must already be set: it bounds the budget.
 */
export function encodeReasoning(request: CanonicalRequest, body: AnthropicMessagesRequest, dropped: string[]): void {
  const reasoning = request.reasoning;
  if (reasoning === undefined) return;
  const display = reasoning.includeThoughts === undefined ? undefined : reasoning.includeThoughts ? 'summarized' : 'omitted';
  if (reasoning.enabled === false || (reasoning.effort === 'none' && reasoning.budgetTokens === undefined)) {
    body.thinking = { type: 'disabled' };
  } else if (reasoning.budgetTokens !== undefined) {
    // The API takes budgets from 1,024 tokens and below max_tokens (which includes thinking).
    const budget = Math.min(Math.max(reasoning.budgetTokens, MIN_THINKING_BUDGET), body.max_tokens - 1);
    if (budget !== reasoning.budgetTokens) dropped.push('reasoning.budgetTokens');
    if (budget < MIN_THINKING_BUDGET) body.thinking = { type: 'disabled' };
    else body.thinking = display === undefined ? { type: 'enabled', budget_tokens: budget } : { type: 'enabled', budget_tokens: budget, display };
  } else if (reasoning.enabled === true) {
    body.thinking = display === undefined ? { type: 'adaptive' } : { type: 'adaptive', display };
  } else if (display !== undefined) dropped.push('reasoning.includeThoughts');
  const effort = reasoning.effort;
  if (effort === undefined || effort === 'none') return;
  if ((ANTHROPIC_EFFORTS as readonly string[]).includes(effort)) {
    body.output_config = { ...body.output_config, effort: effort as (typeof ANTHROPIC_EFFORTS)[number] };
  } else {
    body.output_config = { ...body.output_config, effort: 'low' };
    dropped.push('reasoning.effort');
  }
}
