import { normalizeDecimal, shiftDecimal } from '../decimal.ts';

/**
 * The decimal a JSON float was meant to be. Twelve significant digits drop binary noise
 * (2.9999900000000002e-06 → "0.00000299999") while keeping every real price digit.
 */
export function floatToDecimal(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`${value} is not a finite number`);
  const [mantissa = '0', exponentText = '0'] = value.toPrecision(12).split('e');
  return shiftDecimal(normalizeDecimal(mantissa), Number(exponentText));
}

/** A LiteLLM per-token USD float as Frugal's USD-per-million decimal string. */
export function perTokenToPerMillion(value: number): string {
  return shiftDecimal(floatToDecimal(value), 6);
}
