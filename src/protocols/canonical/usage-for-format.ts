import type { NormalizedUsage, UsageFormat } from '../../usage/buckets.ts';
import { canCarry, ENCODERS } from '../../usage/encode-usage.ts';
import { NORMALIZERS } from '../../usage/normalize-usage.ts';

/**
 * Canonical usage → the native usage object of `format`. Usage that came from that very
 * format is written back verbatim (every provider field kept); otherwise the buckets are
 * encoded, and buckets the format cannot tell apart (cache writes on OpenAI, Gemini,
 * DeepSeek, which bill them as input) are reported as dropped.
 */
export function usageForFormat(usage: NormalizedUsage, format: UsageFormat, dropped: string[], path = 'usage'): object {
  if (usage.format === format && typeof usage.raw === 'object' && usage.raw !== null) return usage.raw;
  if (!canCarry(format, usage.buckets)) {
    if (usage.buckets.cacheWrite5m > 0) dropped.push(`${path}.buckets.cacheWrite5m`);
    if (usage.buckets.cacheWrite1h > 0) dropped.push(`${path}.buckets.cacheWrite1h`);
  }
  return ENCODERS[format](usage.buckets);
}

/** Native usage of `format` → canonical usage (see src/usage). */
export function usageFromFormat(raw: unknown, format: UsageFormat, serviceTier?: string): NormalizedUsage {
  return NORMALIZERS[format](raw, serviceTier);
}
