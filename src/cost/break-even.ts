/**
 * Cache-write break-even. Writing a prefix to the cache costs w × input once; each later
 * read costs r × input instead of 1 × input. With k reads the cached path costs w + k·r
 * against k + 1 uncached, so the write pays off when k > (w − 1) / (1 − r).
 */
import type { CatalogEntry, PricingMode } from '../catalog/types.ts';
import { BUCKET_NAMES } from '../usage/buckets.ts';
import { formatScaled } from './money.ts';
import { preparedPrices } from './prepared-prices.ts';

/**
 * The least whole number of reads k with k > (write − input) / (input − read), from
 * integer prices (any unit). Null when reads are not cheaper than input (never pays off).
 */
export function minimumReadsToBreakEven(inputPrice: number, writePrice: number, readPrice: number): number | null {
  const saving = inputPrice - readPrice;
  if (saving <= 0) return null;
  const premium = writePrice - inputPrice;
  if (premium < 0) return 0;
  return Math.floor(premium / saving) + 1;
}

export interface CacheBreakEven {
  ttl: '5m' | '1h';
  /** write price ÷ input price, exact decimal (rounded to 6 places when not finite). */
  writeRatio: string;
  /** read price ÷ input price. */
  readRatio: string;
  /** Reads of the cached prefix needed for the write to pay off; null if it never does. */
  minimumReads: number | null;
}

function ratio(numerator: number, denominator: number): string {
  const scaled = Math.round((numerator * 1_000_000) / denominator);
  return formatScaled(scaled, 6);
}

const BUCKET_INDEX = {
  input: BUCKET_NAMES.indexOf('input'),
  cacheRead: BUCKET_NAMES.indexOf('cacheRead'),
  cacheWrite5m: BUCKET_NAMES.indexOf('cacheWrite5m'),
  cacheWrite1h: BUCKET_NAMES.indexOf('cacheWrite1h'),
};

/**
 * Break-even of a cache write with `ttl` on `entry` (live prices of the base tier unless
 * `mode` is given). Undefined when the entry lacks the input, read or write price.
 */
export function cacheWriteBreakEven(
  entry: CatalogEntry,
  ttl: '5m' | '1h',
  mode: PricingMode = 'live',
): CacheBreakEven | undefined {
  const table = preparedPrices(entry).base[mode];
  const input = table.pico[BUCKET_INDEX.input]!;
  const read = table.pico[BUCKET_INDEX.cacheRead]!;
  const write = table.pico[ttl === '5m' ? BUCKET_INDEX.cacheWrite5m : BUCKET_INDEX.cacheWrite1h]!;
  if (input <= 0 || read < 0 || write < 0) return undefined;
  return {
    ttl,
    writeRatio: ratio(write, input),
    readRatio: ratio(read, input),
    minimumReads: minimumReadsToBreakEven(input, write, read),
  };
}
