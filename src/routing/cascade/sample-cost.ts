import type { Catalog } from '../../catalog/catalog.ts';
import { priceUsage } from '../../cost/price-usage.ts';
import { FrugalError } from '../../errors/frugal-error.ts';
import { countTextTokens } from '../../tokens/count-text.ts';
import { emptyBuckets } from '../../usage/buckets.ts';
import type { SampleAgreement } from './sample-agreement.ts';

/**
 * Prices drawing the samples of one question with the catalog entry of `catalogModel`: each
 * sample pays the question as input and its generated text as output. The file records only the
 * mean generated characters, so output tokens are those characters at the question's own
 * characters-per-token ratio for that tokenizer.
 */
export function sampleCostPricer(catalog: Catalog, catalogModel: string): (sample: SampleAgreement, question: string) => number {
  const entry = catalog.resolve(catalogModel);
  return (sample, question) => {
    const questionTokens = Math.max(1, countTextTokens(question, entry.model));
    const outputTokens = Math.round(sample.meanGeneratedChars * (questionTokens / Math.max(1, question.length)));
    const buckets = emptyBuckets();
    buckets.input = questionTokens * sample.samples;
    buckets.output = outputTokens * sample.samples;
    const cost = priceUsage(entry, buckets, { catalogVersion: catalog.version });
    if (!cost.complete) {
      throw new FrugalError('FRUGAL_UNPRICED', `cannot price samples with "${catalogModel}": no live price for ${cost.unpriced.join(', ')}`);
    }
    return cost.totalPicoUsd;
  };
}
