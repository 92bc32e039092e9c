import type { Catalog } from '../../catalog/catalog.ts';
import type { CatalogEntry } from '../../catalog/types.ts';
import { priceUsage as priceWithEntry, type Cost } from '../../cost/price-usage.ts';
import { modeFromServiceTier } from '../../cost/service-tier.ts';
import type { RecordedCost } from '../../ledger/records.ts';
import { BUCKET_NAMES, type NormalizedUsage } from '../../usage/buckets.ts';

/** What an attempt cost: the engine's itemized cost (absent when the model is unpriced) and the ledger's form of it. */
export interface PricedUsage {
  cost: Cost | undefined;
  recorded: RecordedCost;
}

/**
 * The catalog entry that prices a call to `model` on `provider`: the provider's own entry,
 * else (for a custom deployment of a first-party family, such as an Azure OpenAI resource)
 * the family's. Never another reseller's price.
 */
export function findPrice(catalog: Catalog, provider: string, family: string, model: string): CatalogEntry | undefined {
  return catalog.find(model, { provider }) ?? (family === provider || family === 'openai-compatible' ? undefined : catalog.find(model, { provider: family }));
}

/** Usage priced at the mode its echoed service tier implies; an unknown model gives unpriced lines, never $0. */
export function priceUsage(entry: CatalogEntry | undefined, usage: NormalizedUsage, catalogVersion: string): PricedUsage {
  const mode = modeFromServiceTier(usage.serviceTier);
  if (entry === undefined) {
    const lines = BUCKET_NAMES.filter((bucket) => usage.buckets[bucket] > 0).map((bucket) => ({
      item: bucket,
      quantity: usage.buckets[bucket],
      unitPicoUsd: null,
      amountPicoUsd: null,
    }));
    return { cost: undefined, recorded: { lines, totalPicoUsd: 0, complete: lines.length === 0, catalogVersion, pricingMode: mode } };
  }
  const options = usage.toolCalls === undefined ? { mode, catalogVersion } : { mode, catalogVersion, toolCalls: usage.toolCalls };
  const cost = priceWithEntry(entry, usage.buckets, options);
  return { cost, recorded: recordedCost(cost) };
}

/** The engine's cost lines in the ledger's shape (`item`, `quantity`, unit and amount in pico-USD). */
export function recordedCost(cost: Cost): RecordedCost {
  return {
    lines: cost.lines.map((line) =>
      line.unpriced === true
        ? { item: line.bucket, quantity: line.tokens, unitPicoUsd: null, amountPicoUsd: null }
        : { item: line.bucket, quantity: line.tokens, unitPicoUsd: Math.round(line.picoUsd / line.tokens), amountPicoUsd: line.picoUsd },
    ),
    totalPicoUsd: cost.totalPicoUsd,
    complete: cost.complete,
    catalogVersion: cost.catalogVersion,
    pricingMode: cost.mode,
  };
}
