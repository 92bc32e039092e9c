/** Scaling what was observed over the window to a 30-day month. */
import { FrugalError } from '../../errors/frugal-error.ts';

export const DAY_MS = 86_400_000;
export const MONTH_DAYS = 30n;

/** observed × 30 / windowDays, rounded half up to the pico-USD (exact: bigint arithmetic). */
export function projectToMonth(observedPicoUsd: bigint, windowDays: number): bigint {
  if (!Number.isSafeInteger(windowDays) || windowDays < 1) {
    throw new FrugalError('FRUGAL_INVALID_ARGUMENT', `the window is ${windowDays} days; expected a whole number of days, at least 1`);
  }
  const days = BigInt(windowDays);
  return (observedPicoUsd * MONTH_DAYS * 2n + days) / (days * 2n);
}

/** Whole UTC days from the first day through the last, both `YYYY-MM-DD`. */
export function daysInclusive(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS) + 1;
}

export const utcDay = (epochMs: number) => new Date(epochMs).toISOString().slice(0, 10);
