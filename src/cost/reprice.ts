/**
 * The same usage on another model, for baselines and what-if comparisons. The design's
 * baseline is the route's baseline model at live price with no cache: every prompt token
 * (cache reads and writes included) billed as uncached input.
 */
import type { CatalogEntry } from '../catalog/types.ts';
import type { UsageBuckets } from '../usage/buckets.ts';
import { formatUsd } from './money.ts';
import { priceUsage, type Cost, type PriceOptions } from './price-usage.ts';

/** Cache reads and writes folded into `input`: the usage as if nothing were cached. */
export function uncachedBuckets(buckets: UsageBuckets): UsageBuckets {
  return {
    input: buckets.input + buckets.cacheRead + buckets.cacheWrite5m + buckets.cacheWrite1h,
    cacheRead: 0,
    cacheWrite5m: 0,
    cacheWrite1h: 0,
    output: buckets.output,
    reasoning: buckets.reasoning,
  };
}

/** `buckets` priced on `entry` (another model), optionally as if nothing were cached. */
export function repriceOnModel(
  entry: CatalogEntry,
  buckets: UsageBuckets,
  options: PriceOptions & { withoutCache?: boolean },
): Cost {
  const { withoutCache, ...priceOptions } = options;
  return priceUsage(entry, withoutCache === true ? uncachedBuckets(buckets) : buckets, priceOptions);
}

/** The baseline cost: `entry` at live price, nothing cached, no region uplift. */
export function baselineCost(entry: CatalogEntry, buckets: UsageBuckets, catalogVersion: string): Cost {
  return priceUsage(entry, uncachedBuckets(buckets), { mode: 'live', catalogVersion });
}

export interface Saving {
  /** baseline − actual in pico-USD (negative when the actual call cost more); null when either is incomplete. */
  savingPicoUsd: number | null;
  savingUsd: string | null;
}

/** What an actual cost saved against a baseline cost. */
export function savingAgainst(baseline: Cost, actual: Cost): Saving {
  if (!baseline.complete || !actual.complete) return { savingPicoUsd: null, savingUsd: null };
  const saving = baseline.totalPicoUsd - actual.totalPicoUsd;
  return { savingPicoUsd: saving, savingUsd: formatUsd(saving) };
}
