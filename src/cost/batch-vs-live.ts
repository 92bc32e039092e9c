import type { CatalogEntry } from '../catalog/types.ts';
import type { UsageBuckets } from '../usage/buckets.ts';
import { formatUsd } from './money.ts';
import { priceUsage, type Cost, type PriceOptions } from './price-usage.ts';

export interface BatchVersusLive {
  live: Cost;
  batch: Cost;
  /** live − batch in pico-USD; null when either side is incomplete (no batch price, say). */
  savingPicoUsd: number | null;
  savingUsd: string | null;
}

/** The same usage priced live and in batch, and what deferring it to batch saves. */
export function compareBatchToLive(
  entry: CatalogEntry,
  buckets: UsageBuckets,
  options: Omit<PriceOptions, 'mode'>,
): BatchVersusLive {
  const live = priceUsage(entry, buckets, { ...options, mode: 'live' });
  const batch = priceUsage(entry, buckets, { ...options, mode: 'batch' });
  if (!live.complete || !batch.complete) return { live, batch, savingPicoUsd: null, savingUsd: null };
  const saving = live.totalPicoUsd - batch.totalPicoUsd;
  return { live, batch, savingPicoUsd: saving, savingUsd: formatUsd(saving) };
}
