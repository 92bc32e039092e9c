import { minimumReadsToBreakEven } from '../../cost/break-even.ts';

/** Prices of one model for the prompt-cache buckets, as integers in one unit (pico-USD per token). */
export interface PromptCachePrices {
  input: number;
  read: number;
  write5m: number;
  write1h: number;
}

/** Anthropic's multipliers (read 0.1×, 5-minute write 1.25×, 1-hour write 2×) for models the catalog does not price. */
export const ANTHROPIC_CACHE_MULTIPLIERS: PromptCachePrices = { input: 100, read: 10, write5m: 125, write1h: 200 };

export interface TtlDecision {
  /** The TTL to write the prefix with; null when no TTL pays off and no breakpoint should be set. */
  ttl: '5m' | '1h' | null;
  /** Reuses expected within the hour after a write, from the observed interval (undefined when none observed). */
  reusesWithinHour: number | undefined;
}

const FIVE_MINUTES = 300_000;
const ONE_HOUR = 3_600_000;

/**
 * The TTL for a prefix reused every `intervalMs` (docs/levers.md, "TTL choice"):
 * - no interval observed yet (first sighting): 5m, the cheap bet;
 * - k = ⌊1 h ÷ interval⌋ reuses are expected within the hour after a write (0 past an hour);
 * - interval ≤ 5 min: a 5-minute entry, refreshed by each read, captures all k reuses, as a
 *   1-hour entry would, for a cheaper write: 5m, when k reaches the 5m break-even;
 * - interval > 5 min: a 5-minute entry expires before every reuse and captures none; 1h when
 *   k reaches the 1h break-even, k > (w − 1) ÷ (1 − r); otherwise no breakpoint at all,
 *   since any write would cost more than it saves.
 */
export function chooseTtl(intervalMs: number | undefined, prices: PromptCachePrices): TtlDecision {
  if (intervalMs === undefined) return { ttl: '5m', reusesWithinHour: undefined };
  const reuses = intervalMs > ONE_HOUR ? 0 : Math.floor(ONE_HOUR / Math.max(1, intervalMs));
  const ttl = intervalMs <= FIVE_MINUTES ? '5m' : '1h';
  const needed = minimumReadsToBreakEven(prices.input, ttl === '5m' ? prices.write5m : prices.write1h, prices.read);
  return { ttl: needed !== null && reuses >= needed ? ttl : null, reusesWithinHour: reuses };
}
