/**
 * Usage buckets × a catalog entry → an itemized, exact cost. This is the hot path: the
 * entry's prices are integers prepared once (prepared-prices.ts); a call reads them, with
 * no catalog scan.
 */
import type { CatalogEntry, PricingMode } from '../catalog/types.ts';
import { BUCKET_NAMES, type BucketName, type UsageBuckets } from '../usage/buckets.ts';
import { checkSafe, formatScaled, formatUsd, multiplyPico, type Multiplier } from './money.ts';
import { preparedPrices, regionalUsdPerMillion, type PreparedFee } from './prepared-prices.ts';

const NOTHING_UNPRICED: readonly string[] = Object.freeze([]);

export type FeeName = 'requestFee' | `toolFee:${string}`;

export interface CostLine {
  /** A usage bucket, or a flat fee: `requestFee`, `toolFee:<kind>`. */
  bucket: BucketName | FeeName;
  /** Tokens in the bucket; for a fee line, the number of requests or tool calls. */
  tokens: number;
  /** Price applied, in USD per million tokens (token lines; after any region multiplier). */
  usdPerMillion?: string;
  /** Price applied per request or tool call, in USD (fee lines; after any region multiplier). */
  usdEach?: string;
  /** The line's amount in integer pico-USD (0 when unpriced). */
  picoUsd: number;
  /** The catalog has no price for this line: it is not in the total, and the cost is incomplete. */
  unpriced?: true;
}

export interface Cost {
  model: string;
  provider: string;
  mode: PricingMode;
  lines: CostLine[];
  /** Sum of the priced lines, integer pico-USD. */
  totalPicoUsd: number;
  /** The same total as an exact decimal USD string, e.g. "0.0345". */
  totalUsd: string;
  /** False when any line is unpriced: the total is then a lower bound. */
  complete: boolean;
  /** Buckets and fees that had tokens or calls but no price. */
  unpriced: readonly string[];
  /** The threshold of the long-context tier that re-priced the whole request, when one applied. */
  longContextTier?: number;
  /** The region whose multiplier was applied to every line, and that multiplier. */
  region?: string;
  regionMultiplier?: string;
  catalogVersion: string;
}

export interface PriceOptions {
  mode?: PricingMode;
  /** Regional processing; the entry's multiplier for it applies to every line (none listed: no uplift). */
  region?: string;
  /** Billable tool calls by kind (e.g. { web_search: 2 }), priced with the entry's per-call fees. */
  toolCalls?: Record<string, number>;
  catalogVersion: string;
}

function feeLine(name: FeeName, count: number, fee: PreparedFee, multiplier: Multiplier | undefined): CostLine {
  const amount = checkSafe(count * fee.pico, `${name} amount`);
  if (multiplier === undefined) return { bucket: name, tokens: count, usdEach: fee.usdEach, picoUsd: amount };
  return {
    bucket: name,
    tokens: count,
    usdEach: formatScaled(BigInt(fee.pico) * BigInt(multiplier.numerator), 12 + multiplier.decimals),
    picoUsd: multiplyPico(amount, multiplier),
  };
}

/**
 * Prices `buckets` with `entry`. Rules:
 * - The long-context tier is chosen by the full prompt (input + cache reads + cache writes)
 *   strictly above its threshold (the highest such tier); the whole request then uses that
 *   tier's prices, and a bucket the tier does not price is unpriced (never the base price).
 * - Each bucket's price comes from the mode's own table; a mode the entry does not price
 *   leaves its buckets unpriced (never priced at the live price).
 * - Reasoning without its own price uses the output price of the same mode and tier.
 * - A bucket with tokens but no price is an unpriced line (amount 0, complete = false);
 *   a bucket with no tokens gives no line.
 * - A region multiplier applies to every line, rounded half up once per line.
 */
export function priceUsage(entry: CatalogEntry, buckets: UsageBuckets, options: PriceOptions): Cost {
  const prepared = preparedPrices(entry);
  const mode = options.mode ?? 'live';
  const promptTokens = buckets.input + buckets.cacheRead + buckets.cacheWrite5m + buckets.cacheWrite1h;
  let table = prepared.base[mode];
  let tier: number | undefined;
  for (const candidate of prepared.tiers) {
    if (promptTokens > candidate.aboveInputTokens) {
      table = candidate.modes[mode];
      tier = candidate.aboveInputTokens;
      break;
    }
  }
  const multiplier = options.region === undefined ? undefined : prepared.regions.get(options.region);
  const texts =
    multiplier === undefined ? table.usdPerMillion : regionalUsdPerMillion(table, options.region!, multiplier);
  // Same order as BUCKET_NAMES; named reads keep the property access monomorphic.
  const counts = [
    buckets.input,
    buckets.cacheRead,
    buckets.cacheWrite5m,
    buckets.cacheWrite1h,
    buckets.output,
    buckets.reasoning,
  ];
  const lines: CostLine[] = [];
  let unpriced: string[] | undefined;
  let total = 0;
  for (let index = 0; index < 6; index++) {
    const tokens = counts[index]!;
    if (tokens === 0) continue;
    const bucket = BUCKET_NAMES[index]!;
    const price = table.pico[index]!;
    if (price < 0) {
      lines.push({ bucket, tokens, picoUsd: 0, unpriced: true });
      (unpriced ??= []).push(bucket);
      continue;
    }
    let amount = tokens * price;
    if (amount > Number.MAX_SAFE_INTEGER) checkSafe(amount, `${bucket} amount`);
    if (multiplier !== undefined) amount = multiplyPico(amount, multiplier);
    lines.push({ bucket, tokens, usdPerMillion: texts[index]!, picoUsd: amount });
    total += amount;
  }
  if (prepared.requestFee !== undefined) {
    const line = feeLine('requestFee', 1, prepared.requestFee, multiplier);
    lines.push(line);
    total += line.picoUsd;
  }
  if (options.toolCalls !== undefined) {
    for (const kind in options.toolCalls) {
      const count = options.toolCalls[kind]!;
      if (count === 0) continue;
      const name: FeeName = `toolFee:${kind}`;
      const fee = prepared.toolFees.get(kind);
      if (fee === undefined) {
        lines.push({ bucket: name, tokens: count, picoUsd: 0, unpriced: true });
        (unpriced ??= []).push(name);
        continue;
      }
      const line = feeLine(name, count, fee, multiplier);
      lines.push(line);
      total += line.picoUsd;
    }
  }
  if (total > Number.MAX_SAFE_INTEGER) checkSafe(total, 'total cost');
  const cost: Cost = {
    model: entry.model,
    provider: entry.provider,
    mode,
    lines,
    totalPicoUsd: total,
    totalUsd: formatUsd(total),
    complete: unpriced === undefined,
    unpriced: unpriced ?? NOTHING_UNPRICED,
    catalogVersion: options.catalogVersion,
  };
  if (tier !== undefined) cost.longContextTier = tier;
  if (multiplier !== undefined) {
    cost.region = options.region!;
    cost.regionMultiplier = multiplier.text;
  }
  return cost;
}
