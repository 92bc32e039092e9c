/**
 * Money sums. One record's amounts are Numbers of pico-USD, checked safe; sums over many
 * records are bigints, because 2^53 pico-USD is only about $9,007.
 */
import { formatScaled } from '../cost/money.ts';
import { FrugalError } from '../errors/frugal-error.ts';

/** Exact USD: 1_500_000_000_000n → "1.5". */
export function picoToUsd(picoUsd: bigint): string {
  return formatScaled(picoUsd, 12);
}

/** A non-negative total / count, rounded half up to a whole pico-USD; null when count is 0. */
export function perUnitPico(totalPicoUsd: bigint, count: number): bigint | null {
  if (count === 0) return null;
  const divisor = BigInt(count);
  return (2n * totalPicoUsd + divisor) / (2n * divisor);
}

export function requireSafeInteger(value: number, name: string): number {
  if (!Number.isSafeInteger(value)) {
    throw new FrugalError('FRUGAL_MONEY_OVERFLOW', `${name} is ${value}; expected a safe integer`);
  }
  return value;
}
