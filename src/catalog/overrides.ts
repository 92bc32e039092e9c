/**
 * Operator overrides (YAML or JSON) laid over the shipped catalog:
 * - models:    full entries for custom models and private deployments (replace any shipped history);
 * - prices:    partial entries merged into existing ones (corrected prices; null removes a field);
 * - discounts: negotiated multipliers on a provider's prices, exact decimal arithmetic.
 */
import { parse as parseYaml } from 'yaml';
import { FrugalError } from '../errors/frugal-error.ts';
import { isDecimal, multiplyDecimal } from './decimal.ts';
import { PRICING_MODES, type BucketPrices, type CatalogEntry, type CatalogFile, type ModePrices, type PricingMode } from './types.ts';
import { validateEntry } from './validate.ts';

export interface Discount {
  provider: string;
  /** Glob on the model id ("*" any run of characters, "?" one); every model when absent. */
  model?: string;
  /** Decimal string, e.g. "0.8" for 20% off. */
  multiplier: string;
  /** Pricing modes discounted; every mode when absent. */
  modes?: PricingMode[];
}

export interface Overrides {
  /** The file the overrides came from, for error messages. */
  path: string;
  models: CatalogEntry[];
  prices: (Partial<CatalogEntry> & { provider: string; model: string })[];
  discounts: Discount[];
}

type Fields = Record<string, unknown>;

function isObject(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function invalid(path: string, field: string, message: string): never {
  throw new FrugalError('FRUGAL_INVALID_CONFIG', `overrides ${path}: ${field} ${message}`, { path, field });
}

function list(document: Fields, name: string, path: string): unknown[] {
  const value = document[name];
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) invalid(path, name, `must be a list, got ${JSON.stringify(value)}`);
  return value;
}

/** Entry validation, reported as a configuration error of the overrides file. */
function validateOverride(entry: unknown, label: string): asserts entry is CatalogEntry {
  try {
    validateEntry(entry, label);
  } catch (error) {
    if (!FrugalError.isInstance(error)) throw error;
    throw new FrugalError('FRUGAL_INVALID_CONFIG', error.message, error.details);
  }
}

function requireString(item: Fields, field: string, path: string): string {
  const value = item[field];
  if (typeof value !== 'string' || value === '') invalid(path, field, `must be a non-empty string, got ${JSON.stringify(value)}`);
  return value;
}

const DEFAULT_CAPABILITIES = { streaming: true, tools: false, vision: false, reasoning: false, promptCaching: false, jsonSchema: false };

function parseModel(item: unknown, index: number, path: string): CatalogEntry {
  const field = `models[${index}]`;
  if (!isObject(item)) invalid(path, field, 'must be an entry object');
  const capabilities = isObject(item.capabilities) ? { ...DEFAULT_CAPABILITIES, ...item.capabilities } : item.capabilities ?? DEFAULT_CAPABILITIES;
  const entry = { effectiveFrom: '1970-01-01', kind: 'chat', ...item, capabilities };
  validateOverride(entry, `overrides ${path}: ${field}`);
  return entry;
}

function parsePrice(item: unknown, index: number, path: string): Overrides['prices'][number] {
  const field = `prices[${index}]`;
  if (!isObject(item)) invalid(path, field, 'must be an object with provider, model and the fields to change');
  requireString(item, 'provider', `${path}: ${field}`);
  requireString(item, 'model', `${path}: ${field}`);
  return item as Overrides['prices'][number];
}

function parseDiscount(item: unknown, index: number, path: string): Discount {
  const field = `discounts[${index}]`;
  if (!isObject(item)) invalid(path, field, 'must be an object with provider, multiplier and optional model and modes');
  const where = `${path}: ${field}`;
  const provider = requireString(item, 'provider', where);
  const multiplier = item.multiplier;
  if (typeof multiplier !== 'string' || !isDecimal(multiplier) || multiplier.startsWith('-')) {
    invalid(where, 'multiplier', `must be a non-negative decimal string such as "0.8" (quote it in YAML), got ${JSON.stringify(multiplier)}`);
  }
  const discount: Discount = { provider, multiplier };
  if (item.model !== undefined) discount.model = requireString(item, 'model', where);
  if (item.modes !== undefined) {
    if (!Array.isArray(item.modes) || item.modes.some((mode) => !(PRICING_MODES as readonly unknown[]).includes(mode))) {
      invalid(where, 'modes', `must be a list of ${PRICING_MODES.join(', ')}, got ${JSON.stringify(item.modes)}`);
    }
    discount.modes = item.modes as PricingMode[];
  }
  return discount;
}

/** Parses an overrides file (YAML or JSON); `path` names the file in error messages. */
export function parseOverrides(text: string, path: string): Overrides {
  let document: unknown;
  try {
    document = parseYaml(text);
  } catch (error) {
    throw new FrugalError('FRUGAL_INVALID_CONFIG', `overrides ${path} is not valid YAML or JSON: ${(error as Error).message}`, { path });
  }
  if (document === null || document === undefined) document = {};
  if (!isObject(document)) invalid(path, 'the document', 'must be a mapping with models, prices and/or discounts');
  for (const name of Object.keys(document)) {
    if (!['models', 'prices', 'discounts'].includes(name)) invalid(path, name, 'is not a known section (expected models, prices, discounts)');
  }
  return {
    path,
    models: list(document, 'models', path).map((item, index) => parseModel(item, index, path)),
    prices: list(document, 'prices', path).map((item, index) => parsePrice(item, index, path)),
    discounts: list(document, 'discounts', path).map((item, index) => parseDiscount(item, index, path)),
  };
}

/** Deep merge: objects merge field by field, anything else replaces, null removes. */
function merge(base: unknown, patch: unknown): unknown {
  if (!isObject(base) || !isObject(patch)) return patch;
  const result: Fields = { ...base };
  for (const [field, value] of Object.entries(patch)) {
    if (value === null) delete result[field];
    else result[field] = merge(base[field], value);
  }
  return result;
}

function globToRegExp(glob: string): RegExp {
  const pattern = glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${pattern}$`, 'i');
}

function discountBuckets(prices: BucketPrices, multiplier: string): BucketPrices {
  const result: BucketPrices = {};
  for (const [bucket, price] of Object.entries(prices) as [keyof BucketPrices, string | undefined][]) {
    if (price !== undefined) result[bucket] = multiplyDecimal(price, multiplier);
  }
  return result;
}

function discountModes(prices: ModePrices, discount: Discount): ModePrices {
  const result: ModePrices = { ...prices };
  for (const mode of discount.modes ?? PRICING_MODES) {
    const bucketPrices = prices[mode];
    if (bucketPrices !== undefined) result[mode] = discountBuckets(bucketPrices, discount.multiplier);
  }
  return result;
}

function applyDiscount(entry: CatalogEntry, discount: Discount): CatalogEntry {
  const discounted: CatalogEntry = { ...entry, prices: discountModes(entry.prices, discount) };
  if (entry.longContext !== undefined) {
    discounted.longContext = entry.longContext.map((tier) => ({ ...tier, prices: discountModes(tier.prices, discount) }));
  }
  const note = `discount ×${discount.multiplier}${discount.modes === undefined ? '' : ` (${discount.modes.join(', ')})`}`;
  discounted.source = entry.source === undefined ? note : `${entry.source}; ${note}`;
  return discounted;
}

function sameModel(entry: { provider: string; model: string }, provider: string, model: string): boolean {
  return entry.provider.toLowerCase() === provider.toLowerCase() && entry.model.toLowerCase() === model.toLowerCase();
}

/**
 * The catalog with overrides applied, in order: models (replacing shipped histories),
 * then price corrections, then discounts (each matching discount multiplies in turn).
 * The version gets "+overrides.<hash of the file>".
 */
export function applyOverrides(file: CatalogFile, overrides: Overrides, hash: string): CatalogFile {
  let entries = file.entries.filter((entry) => !overrides.models.some((model) => sameModel(entry, model.provider, model.model)));
  entries.push(...overrides.models);
  overrides.prices.forEach((patch, index) => {
    const { provider, model, effectiveFrom } = patch;
    let matched = false;
    entries = entries.map((entry) => {
      if (!sameModel(entry, provider, model) || (effectiveFrom !== undefined && entry.effectiveFrom !== effectiveFrom)) return entry;
      matched = true;
      const merged = merge(entry, patch);
      validateOverride(merged, `overrides ${overrides.path}: prices[${index}] (${provider}/${model})`);
      return merged;
    });
    if (!matched) {
      invalid(`${overrides.path}: prices[${index}]`, 'model', `${provider}/${model}${effectiveFrom === undefined ? '' : ` from ${effectiveFrom}`} is not in the catalog; add it under models`);
    }
  });
  overrides.discounts.forEach((discount, index) => {
    const pattern = discount.model === undefined ? undefined : globToRegExp(discount.model);
    entries = entries.map((entry) => {
      if (entry.provider.toLowerCase() !== discount.provider.toLowerCase() || (pattern !== undefined && !pattern.test(entry.model))) return entry;
      const discounted = applyDiscount(entry, discount);
      // A discounted price finer than the engine's resolution is named here, not at pricing time.
      validateOverride(discounted, `overrides ${overrides.path}: discounts[${index}] (${entry.provider}/${entry.model})`);
      return discounted;
    });
  });
  return { ...file, version: `${file.version}+overrides.${hash}`, entries };
}
