import { formatUsd } from '../../cost/money.ts';
import type { Attempt } from '../call/attempt.ts';

/**
 * `x-frugal-cost-usd`: the exact cost of a non-streamed answer as a decimal (e.g.
 * "0.0123"), appended to a flat list of header names and values. When part of the usage
 * has no price the figure is a lower bound, and `x-frugal-cost-unpriced` names the buckets
 * without a price. No usage, no header.
 */
export function costHeaders(attempt: Attempt, headers: string[]): void {
  const recorded = attempt.priced?.recorded;
  if (recorded === undefined) return;
  headers.push('x-frugal-cost-usd', formatUsd(recorded.totalPicoUsd));
  if (!recorded.complete) {
    headers.push('x-frugal-cost-unpriced', recorded.lines.filter((line) => line.amountPicoUsd === null).map((line) => line.item).join(','));
  }
}
