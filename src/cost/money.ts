/**
 * Exact money. Prices are decimal strings in USD per million tokens; amounts are integer
 * pico-USD (1 USD = 10^12 pico-USD), held in Numbers checked with Number.isSafeInteger
 * (up to about 9,007 USD per amount). $1/M = 10^-6 USD per token = 1,000,000 pico-USD per
 * token, so a price with at most 6 decimals is a whole number of pico-USD per token and
 * tokens × price is exact. The only rounding is where a decimal multiplier (regional
 * uplift, negotiated discount) applies: once per line, half up.
 */
import { FrugalError } from '../errors/frugal-error.ts';
import type { ErrorCode } from '../errors/codes.ts';

const DECIMAL = /^(\d+)(?:\.(\d+))?$/;

/** A decimal multiplier as an exact fraction numerator / 10^digits. */
export interface Multiplier {
  numerator: number;
  /** 10^decimals. */
  denominator: number;
  decimals: number;
  /** The multiplier as written, e.g. "1.1". */
  text: string;
}

function parseDecimal(text: string, maxDecimals: number, what: string, code: ErrorCode): { units: number; scaled: number } {
  const match = DECIMAL.exec(text);
  if (match === null) {
    throw new FrugalError(code, `${what} "${text}" is not a plain non-negative decimal number (like "3.75")`, { value: text });
  }
  const fraction = (match[2] ?? '').replace(/0+$/, '');
  if (fraction.length > maxDecimals) {
    throw new FrugalError(code, `${what} "${text}" has more than ${maxDecimals} decimals, below the engine's exact resolution`, {
      value: text,
    });
  }
  const units = Number(match[1]! + fraction.padEnd(maxDecimals, '0'));
  if (!Number.isSafeInteger(units)) {
    throw new FrugalError('FRUGAL_MONEY_OVERFLOW', `${what} "${text}" is too large to hold exactly`, { value: text });
  }
  return { units, scaled: fraction.length };
}

/** "3.75" (USD per million tokens) → 3,750,000 pico-USD per token. At most 6 decimals. */
export function picoPerToken(usdPerMillion: string): number {
  return parseDecimal(usdPerMillion, 6, 'price (USD per million tokens)', 'FRUGAL_INVALID_CATALOG').units;
}

/** "0.01" USD → 10,000,000,000 pico-USD. At most 12 decimals. */
export function picoFromUsd(usd: string): number {
  return parseDecimal(usd, 12, 'amount (USD)', 'FRUGAL_INVALID_CATALOG').units;
}

/** "1.1" → 11/10. At most 6 decimals. */
export function parseMultiplier(text: string): Multiplier {
  const { units, scaled } = parseDecimal(text, 6, 'multiplier', 'FRUGAL_INVALID_CATALOG');
  return { numerator: units / 10 ** (6 - scaled), denominator: 10 ** scaled, decimals: scaled, text };
}

/** FRUGAL_MONEY_OVERFLOW unless `amount` is a safe integer. */
export function checkSafe(amount: number, what: string): number {
  if (Number.isSafeInteger(amount)) return amount;
  throw new FrugalError('FRUGAL_MONEY_OVERFLOW', `${what} exceeds the exact integer range of pico-USD (about 9,007 USD)`, {
    what,
  });
}

/** amount × multiplier, rounded half up to a whole pico-USD (amount ≥ 0). */
export function multiplyPico(amount: number, multiplier: Multiplier): number {
  if (multiplier.denominator === 1) return checkSafe(amount * multiplier.numerator, 'amount × multiplier');
  const product = amount * multiplier.numerator;
  if (Number.isSafeInteger(product)) {
    return Math.floor((product * 2 + multiplier.denominator) / (2 * multiplier.denominator));
  }
  const exact = BigInt(amount) * BigInt(multiplier.numerator);
  const denominator = BigInt(multiplier.denominator);
  return checkSafe(Number((exact * 2n + denominator) / (2n * denominator)), 'amount × multiplier');
}

/** An integer scaled by 10^scale as an exact decimal string, trailing zeros trimmed: (345, 4) → "0.0345". */
export function formatScaled(value: number | bigint, scale: number): string {
  const big = BigInt(value);
  const negative = big < 0n;
  const digits = (negative ? -big : big).toString().padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale);
  const fraction = digits.slice(digits.length - scale).replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${fraction === '' ? '' : `.${fraction}`}`;
}

/** Integer pico-USD → exact USD string: 34,500,000,000 → "0.0345". */
export function formatUsd(pico: number): string {
  if (!Number.isSafeInteger(pico)) return formatScaled(BigInt(pico), 12);
  // Safe integers split exactly into whole dollars and a 12-digit remainder, so the hot path
  // needs no BigInt: "1" + the remainder's 12 digits, trailing zeros cut.
  const magnitude = pico < 0 ? -pico : pico;
  const whole = Math.floor(magnitude / 1_000_000_000_000);
  const fraction = magnitude - whole * 1_000_000_000_000;
  const sign = pico < 0 ? '-' : '';
  if (fraction === 0) return sign + whole;
  const digits = String(fraction + 1_000_000_000_000);
  let end = 13;
  while (digits.charCodeAt(end - 1) === 48) end--;
  return sign + whole + '.' + digits.slice(1, end);
}

/** Pico-USD per token → USD per million tokens: 3,750,000 → "3.75". */
export function formatUsdPerMillion(picoUsdPerToken: number): string {
  return formatScaled(picoUsdPerToken, 6);
}

/** The exact USD-per-million price after a multiplier, e.g. 3,000,000 × 1.1 → "3.3". */
export function formatUsdPerMillionTimes(picoUsdPerToken: number, multiplier: Multiplier): string {
  return formatScaled(BigInt(picoUsdPerToken) * BigInt(multiplier.numerator), 6 + multiplier.decimals);
}
