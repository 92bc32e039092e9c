/**
 * A catalog entry's prices turned into integers once, so pricing a call is array reads and
 * multiplications. Cached per entry object (entries are treated as immutable).
 */
import type { BucketPrices, CatalogEntry, ModePrices, PricingMode } from '../catalog/types.ts';
import { BUCKET_NAMES } from '../usage/buckets.ts';
import { FrugalError } from '../errors/frugal-error.ts';
import {
  formatUsd,
  formatUsdPerMillion,
  formatUsdPerMillionTimes,
  parseMultiplier,
  picoFromUsd,
  picoPerToken,
  type Multiplier,
} from './money.ts';

const UNKNOWN = -1;

/** One price table (a mode within a tier): pico-USD per token by bucket index, -1 when unknown. */
export interface PreparedTable {
  pico: number[];
  usdPerMillion: (string | undefined)[];
  /** usdPerMillion after a region's multiplier, filled on first use. */
  regional: Map<string, (string | undefined)[]>;
}

export interface PreparedFee {
  pico: number;
  usdEach: string;
}

export interface PreparedEntry {
  base: Record<PricingMode, PreparedTable>;
  /** Long-context tiers, highest threshold first. */
  tiers: { aboveInputTokens: number; modes: Record<PricingMode, PreparedTable> }[];
  regions: Map<string, Multiplier>;
  requestFee: PreparedFee | undefined;
  toolFees: Map<string, PreparedFee>;
}

const cache = new WeakMap<CatalogEntry, PreparedEntry>();

function describePrice(entry: CatalogEntry, where: string, error: unknown): never {
  const message = FrugalError.isInstance(error) ? error.message : String(error);
  throw new FrugalError('FRUGAL_INVALID_CATALOG', `catalog entry ${entry.provider}/${entry.model} ${where}: ${message}`, {
    provider: entry.provider,
    model: entry.model,
    field: where,
  });
}

/** Reasoning without its own price is billed at the output price of the same mode and tier. */
function prepareTable(entry: CatalogEntry, prices: BucketPrices | undefined, where: string): PreparedTable {
  const pico: number[] = [];
  const usdPerMillion: (string | undefined)[] = [];
  for (const bucket of BUCKET_NAMES) {
    const text = prices?.[bucket] ?? (bucket === 'reasoning' ? prices?.output : undefined);
    if (text === undefined) {
      pico.push(UNKNOWN);
      usdPerMillion.push(undefined);
      continue;
    }
    let value: number;
    try {
      value = picoPerToken(text);
    } catch (error) {
      describePrice(entry, `${where}.${bucket}`, error);
    }
    pico.push(value);
    usdPerMillion.push(formatUsdPerMillion(value));
  }
  return { pico, usdPerMillion, regional: new Map() };
}

function prepareModes(entry: CatalogEntry, prices: ModePrices, where: string): Record<PricingMode, PreparedTable> {
  return {
    live: prepareTable(entry, prices.live, `${where}.live`),
    batch: prepareTable(entry, prices.batch, `${where}.batch`),
    flex: prepareTable(entry, prices.flex, `${where}.flex`),
    priority: prepareTable(entry, prices.priority, `${where}.priority`),
  };
}

function prepareFee(entry: CatalogEntry, usd: string, where: string): PreparedFee {
  try {
    const pico = picoFromUsd(usd);
    return { pico, usdEach: formatUsd(pico) };
  } catch (error) {
    describePrice(entry, where, error);
  }
}

function prepareMultiplier(entry: CatalogEntry, text: string, where: string): Multiplier {
  try {
    return parseMultiplier(text);
  } catch (error) {
    describePrice(entry, where, error);
  }
}

function prepare(entry: CatalogEntry): PreparedEntry {
  const tiers = (entry.longContext ?? [])
    .map((tier, index) => ({
      aboveInputTokens: tier.aboveInputTokens,
      modes: prepareModes(entry, tier.prices, `longContext[${index}].prices`),
    }))
    .sort((left, right) => right.aboveInputTokens - left.aboveInputTokens);
  const regions = new Map<string, Multiplier>();
  for (const [region, text] of Object.entries(entry.regionMultipliers ?? {})) {
    regions.set(region, prepareMultiplier(entry, text, `regionMultipliers.${region}`));
  }
  const toolFees = new Map<string, PreparedFee>();
  for (const [kind, usd] of Object.entries(entry.fees?.perToolCall ?? {})) {
    toolFees.set(kind, prepareFee(entry, usd, `fees.perToolCall.${kind}`));
  }
  const perRequest = entry.fees?.perRequest;
  return {
    base: prepareModes(entry, entry.prices, 'prices'),
    tiers,
    regions,
    requestFee: perRequest === undefined ? undefined : prepareFee(entry, perRequest, 'fees.perRequest'),
    toolFees,
  };
}

/** The entry's integer prices, computed on first use and cached for the entry's lifetime. */
export function preparedPrices(entry: CatalogEntry): PreparedEntry {
  let prepared = cache.get(entry);
  if (prepared === undefined) {
    prepared = prepare(entry);
    cache.set(entry, prepared);
  }
  return prepared;
}

/** The table's USD-per-million texts after a region's multiplier (computed once per region). */
export function regionalUsdPerMillion(table: PreparedTable, region: string, multiplier: Multiplier): (string | undefined)[] {
  let texts = table.regional.get(region);
  if (texts === undefined) {
    texts = table.pico.map((pico) => (pico === UNKNOWN ? undefined : formatUsdPerMillionTimes(pico, multiplier)));
    table.regional.set(region, texts);
  }
  return texts;
}
