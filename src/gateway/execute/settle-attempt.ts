import { FrugalError } from '../../errors/frugal-error.ts';
import type { NormalizedUsage } from '../../usage/buckets.ts';
import type { Attempt } from '../call/attempt.ts';
import type { ModelTarget } from '../call/model-target.ts';
import type { Gateway } from '../gateway.ts';
import { findPrice, priceUsage } from '../record/price-usage.ts';

/**
 * Every attempt is priced the moment its usage is known, with the price in force now for
 * the provider that served it. Usage the provider reported in a shape that cannot be read
 * leaves the attempt unpriced with the error class `usage_unreadable`. Never throws: it runs
 * inside stream callbacks, where an exception would take the process down.
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
    const unreadable = FrugalError.isInstance(error) && error.code === 'FRUGAL_INVALID_USAGE';
    attempt.errorClass ??= unreadable ? 'usage_unreadable' : 'pricing_failed';
    if (!FrugalError.isInstance(error)) gateway.log(`frugal gateway: pricing attempt ${attempt.id} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  }
}
