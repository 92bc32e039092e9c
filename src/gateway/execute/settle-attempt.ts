import { FrugalError } from '../../errors/frugal-error.ts';
import type { NormalizedUsage } from '../../usage/buckets.ts';
import type { Attempt } from '../call/attempt.ts';
import type { ModelTarget } from '../call/model-target.ts';
import type { Gateway } from '../gateway.ts';
import { findPrice, priceUsage } from '../record/price-usage.ts';

/**
 * Every attempt is priced the moment its usage is known, with the price in force now for
 * the provider that served it. Usage the provider reported in a shape that cannot be read
 * leaves the attempt unpriced with the error class `usage_unreadable`.
 */
export function settleAttempt(gateway: Gateway, attempt: Attempt, target: ModelTarget, readUsage: () => NormalizedUsage | undefined): void {
  try {
    const usage = readUsage();
    if (usage === undefined) return;
    attempt.usage = usage;
    const provider = target.provider;
    const entry = findPrice(gateway.catalog, provider.name, provider.config.type, target.model);
    attempt.priced = priceUsage(entry, usage, gateway.catalog.version);
  } catch (error) {
    if (!FrugalError.isInstance(error)) throw error;
    attempt.errorClass ??= error.code === 'FRUGAL_INVALID_USAGE' ? 'usage_unreadable' : 'pricing_failed';
  }
}
