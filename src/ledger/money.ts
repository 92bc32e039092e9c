/**
 * Exact money helpers. One record's amounts are Numbers of pico-USD (1 USD = 10^12 pico-USD),
 * checked safe; sums over many records are bigints, because 2^53 pico-USD is only $9,007.
 */
import { FrugalError } from '../errors/frugal-error.ts';

const PICO_PER_USD = 1_000_000_000_000n;

/** "1.5" for 1_500_000_000_000; every digit kept, trailing zeros dropped. */
export function picoToUsd(picoUsd: number | bigint): string {
  const amount = typeof picoUsd === 'bigint' ? picoUsd : BigInt(requireSafeInteger(picoUsd, 'amount'));
  const negative = amount < 0n;
  const magnitude = negative ? -amount : amount;
  const whole = magnitude / PICO_PER_USD;
  const fraction = (magnitude % PICO_PER_USD).toString().padStart(12, '0').replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
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
