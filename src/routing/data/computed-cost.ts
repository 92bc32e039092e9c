import type { CatalogEntry } from '../../catalog/types.ts';
import { priceUsage } from '../../cost/price-usage.ts';
import { FrugalError } from '../../errors/frugal-error.ts';
import { countTextTokens } from '../../tokens/count-text.ts';
import { emptyBuckets } from '../../usage/buckets.ts';

/**
 * The live-price cost of one call from its prompt and response texts, for outcomes whose source
 * recorded no cost: prompt tokens as input, response tokens as output, counted with the model's
 * tokenizer (o200k_base × a family factor for non-OpenAI models) and priced with the catalog.
 */
export function computedCostPico(entry: CatalogEntry, catalogVersion: string, prompt: string, response: string | undefined): number {
  const buckets = emptyBuckets();
  buckets.input = countTextTokens(prompt, entry.model);
  buckets.output = response === undefined ? 0 : countTextTokens(response, entry.model);
  const cost = priceUsage(entry, buckets, { catalogVersion });
  if (!cost.complete) {
    throw new FrugalError(
      'FRUGAL_UNPRICED',
      `cannot compute the cost of "${entry.model}" (${entry.provider}): the catalog has no live price for ${cost.unpriced.join(', ')}`,
      { model: entry.model, provider: entry.provider },
    );
  }
  return cost.totalPicoUsd;
}

