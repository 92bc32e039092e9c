/**
 * Exact decimal arithmetic on price strings ("2.5", "0.000125"): a value is an integer of
 * units scaled by a power of ten, so nothing is ever rounded through a float.
 */
import { FrugalError } from '../errors/frugal-error.ts';

interface Decimal {
  units: bigint;
  scale: number;
}

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

function parse(text: string): Decimal {
  const match = DECIMAL.exec(text);
  if (match === null) {
    throw new FrugalError('FRUGAL_INVALID_ARGUMENT', `"${text}" is not a decimal number such as "2.5"`);
  }
  const fraction = match[3] ?? '';
  const units = BigInt(`${match[2]}${fraction}`);
  return { units: match[1] === '-' ? -units : units, scale: fraction.length };
}

function format({ units, scale }: Decimal): string {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale);
  const fraction = digits.slice(digits.length - scale).replace(/0+$/, '');
  const text = fraction === '' ? whole : `${whole}.${fraction}`;
  return negative && text !== '0' ? `-${text}` : text;
}

function align(left: Decimal, right: Decimal): [bigint, bigint] {
  const scale = Math.max(left.scale, right.scale);
  return [left.units * 10n ** BigInt(scale - left.scale), right.units * 10n ** BigInt(scale - right.scale)];
}

export function isDecimal(text: string): boolean {
  return DECIMAL.test(text);
}

/** The exact product of two decimal strings, e.g. multiplyDecimal("2.5", "0.8") === "2". */
export function multiplyDecimal(left: string, right: string): string {
  const a = parse(left);
  const b = parse(right);
  return format({ units: a.units * b.units, scale: a.scale + b.scale });
}

function greatestCommonDivisor(left: bigint, right: bigint): bigint {
  let a = left < 0n ? -left : left;
  let b = right < 0n ? -right : right;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

/**
 * The exact quotient of two decimal strings, or undefined when it has no finite decimal
 * form (or the divisor is 0): divideDecimal("22.5", "15") === "1.5", divideDecimal("1", "3") === undefined.
 */
export function divideDecimal(left: string, right: string): string | undefined {
  const a = parse(left);
  const b = parse(right);
  if (b.units === 0n) return undefined;
  // left / right = (a.units × 10^b.scale) / (b.units × 10^a.scale), reduced.
  let numerator = a.units * 10n ** BigInt(b.scale);
  let denominator = b.units * 10n ** BigInt(a.scale);
  if (denominator < 0n) [numerator, denominator] = [-numerator, -denominator];
  const divisor = greatestCommonDivisor(numerator, denominator);
  numerator /= divisor;
  denominator /= divisor;
  // A finite decimal needs a denominator of the form 2^x × 5^y; then scale by 10^max(x, y).
  let twos = 0;
  let fives = 0;
  let rest = denominator;
  while (rest % 2n === 0n) {
    rest /= 2n;
    twos++;
  }
  while (rest % 5n === 0n) {
    rest /= 5n;
    fives++;
  }
  if (rest !== 1n) return undefined;
  const scale = Math.max(twos, fives);
  return format({ units: (numerator * 10n ** BigInt(scale)) / denominator, scale });
}

/** -1, 0 or 1 as left is below, equal to or above right. */
export function compareDecimal(left: string, right: string): number {
  const [a, b] = align(parse(left), parse(right));
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Moves the decimal point: shiftDecimal("0.0000025", 6) === "2.5". */
export function shiftDecimal(text: string, places: number): string {
  const value = parse(text);
  if (places >= value.scale) return format({ units: value.units * 10n ** BigInt(places - value.scale), scale: 0 });
  return format({ units: value.units, scale: value.scale - places });
}

/** Digits after the point once trailing zeros are dropped. */
export function decimalPlaces(text: string): number {
  const normalized = format(parse(text));
  const point = normalized.indexOf('.');
  return point === -1 ? 0 : normalized.length - point - 1;
}

/** A normalized decimal string (no trailing zeros, no leading "+"). */
export function normalizeDecimal(text: string): string {
  return format(parse(text));
}
