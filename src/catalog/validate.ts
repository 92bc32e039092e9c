import { FrugalError } from '../errors/frugal-error.ts';
import { BUCKET_NAMES } from '../usage/buckets.ts';
import { decimalPlaces } from './decimal.ts';
import { PRICING_MODES, type CatalogEntry, type CatalogFile } from './types.ts';

const DECIMAL = /^\d+(\.\d+)?$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const KINDS = ['chat', 'embedding', 'completion', 'responses'];
const CAPABILITIES = ['streaming', 'tools', 'vision', 'reasoning', 'promptCaching', 'jsonSchema'];

/**
 * Decimals the cost engine can hold exactly (money.ts): a price in USD per million tokens to
 * 1 pico-USD per token (6), a fee in USD to 1 pico-USD (12), a multiplier to 6.
 */
const PRICE_DECIMALS = { places: 6, why: ' (USD per million tokens; the cost engine counts whole pico-USD per token)' };
const FEE_DECIMALS = { places: 12, why: ' (USD; the cost engine counts whole pico-USD)' };
const MULTIPLIER_DECIMALS = { places: 6, why: '' };

type Precision = typeof PRICE_DECIMALS;

type Fail = (field: string, expected: string, value: unknown) => never;

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isIsoDate(value: unknown): value is string {
  return typeof value === 'string' && ISO_DATE.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));
}

function checkDecimal(value: unknown, field: string, fail: Fail, precision: Precision): void {
  if (typeof value !== 'string' || !DECIMAL.test(value)) {
    fail(field, 'a non-negative decimal string such as "2.5"', value);
  }
  if (decimalPlaces(value) > precision.places) fail(field, `a decimal with at most ${precision.places} decimals${precision.why}`, value);
}

function checkCount(value: unknown, field: string, fail: Fail): void {
  if (value !== undefined && (!Number.isSafeInteger(value) || (value as number) <= 0)) {
    fail(field, 'a positive integer', value);
  }
}

function checkModePrices(value: unknown, field: string, fail: Fail): void {
  if (!isObject(value)) fail(field, 'an object of pricing modes (live, batch, flex, priority)', value);
  if (!isObject(value.live)) fail(`${field}.live`, 'an object of bucket prices', value.live);
  for (const [mode, prices] of Object.entries(value)) {
    if (!(PRICING_MODES as readonly string[]).includes(mode)) {
      fail(`${field}.${mode}`, `one of the modes ${PRICING_MODES.join(', ')}`, mode);
    }
    if (prices === undefined) continue;
    if (!isObject(prices)) fail(`${field}.${mode}`, 'an object of bucket prices', prices);
    for (const [bucket, price] of Object.entries(prices)) {
      if (!(BUCKET_NAMES as readonly string[]).includes(bucket)) {
        fail(`${field}.${mode}.${bucket}`, `one of the buckets ${BUCKET_NAMES.join(', ')}`, bucket);
      }
      if (price !== undefined) checkDecimal(price, `${field}.${mode}.${bucket}`, fail, PRICE_DECIMALS);
    }
  }
}

function checkStringRecord(value: unknown, field: string, fail: Fail, precision: Precision): void {
  if (value === undefined) return;
  if (!isObject(value)) fail(field, 'an object of decimal strings', value);
  for (const [key, item] of Object.entries(value)) checkDecimal(item, `${field}.${key}`, fail, precision);
}

/** Validates one entry's shape and values; `label` names the entry in messages. */
export function validateEntry(entry: unknown, label: string): asserts entry is CatalogEntry {
  const fail: Fail = (field, expected, value) => {
    throw new FrugalError(
      'FRUGAL_INVALID_CATALOG',
      `${label}: ${field} must be ${expected}, got ${describe(value)}`,
      { entry: label, field },
    );
  };
  if (!isObject(entry)) fail('entry', 'an object', entry);
  if (typeof entry.provider !== 'string' || entry.provider === '') fail('provider', 'a non-empty string', entry.provider);
  if (typeof entry.model !== 'string' || entry.model === '') fail('model', 'a non-empty string', entry.model);
  if (entry.aliases !== undefined) {
    if (!Array.isArray(entry.aliases)) fail('aliases', 'an array of strings', entry.aliases);
    entry.aliases.forEach((alias, index) => {
      if (typeof alias !== 'string' || alias === '') fail(`aliases[${index}]`, 'a non-empty string', alias);
    });
  }
  if (!isIsoDate(entry.effectiveFrom)) fail('effectiveFrom', 'an ISO date (YYYY-MM-DD)', entry.effectiveFrom);
  if (typeof entry.kind !== 'string' || !KINDS.includes(entry.kind)) fail('kind', `one of ${KINDS.join(', ')}`, entry.kind);
  checkCount(entry.contextWindow, 'contextWindow', fail);
  checkCount(entry.maxOutputTokens, 'maxOutputTokens', fail);
  checkCount(entry.promptCacheMinTokens, 'promptCacheMinTokens', fail);
  if (!isObject(entry.capabilities)) fail('capabilities', 'an object', entry.capabilities);
  for (const capability of CAPABILITIES) {
    if (typeof entry.capabilities[capability] !== 'boolean') {
      fail(`capabilities.${capability}`, 'true or false', entry.capabilities[capability]);
    }
  }
  checkModePrices(entry.prices, 'prices', fail);
  if (entry.longContext !== undefined) {
    if (!Array.isArray(entry.longContext)) fail('longContext', 'an array of tiers', entry.longContext);
    entry.longContext.forEach((tier: unknown, index) => {
      if (!isObject(tier)) fail(`longContext[${index}]`, 'an object', tier);
      checkCount(tier.aboveInputTokens, `longContext[${index}].aboveInputTokens`, fail);
      if (tier.aboveInputTokens === undefined) fail(`longContext[${index}].aboveInputTokens`, 'a positive integer', undefined);
      checkModePrices(tier.prices, `longContext[${index}].prices`, fail);
    });
  }
  checkStringRecord(entry.regionMultipliers, 'regionMultipliers', fail, MULTIPLIER_DECIMALS);
  if (entry.fees !== undefined) {
    if (!isObject(entry.fees)) fail('fees', 'an object', entry.fees);
    if (entry.fees.perRequest !== undefined) checkDecimal(entry.fees.perRequest, 'fees.perRequest', fail, FEE_DECIMALS);
    if (entry.fees.perQuery !== undefined) checkDecimal(entry.fees.perQuery, 'fees.perQuery', fail, FEE_DECIMALS);
    checkStringRecord(entry.fees.perToolCall, 'fees.perToolCall', fail, FEE_DECIMALS);
  }
  if (entry.deprecationDate !== undefined && !isIsoDate(entry.deprecationDate)) {
    fail('deprecationDate', 'an ISO date (YYYY-MM-DD)', entry.deprecationDate);
  }
  if (entry.source !== undefined && typeof entry.source !== 'string') fail('source', 'a string', entry.source);
}

/** Validates a whole catalog file; throws FRUGAL_INVALID_CATALOG naming the entry and field. */
export function validateCatalogFile(file: unknown): asserts file is CatalogFile {
  if (!isObject(file)) {
    throw new FrugalError('FRUGAL_INVALID_CATALOG', `catalog must be an object with "version" and "entries", got ${describe(file)}`);
  }
  if (typeof file.version !== 'string' || file.version === '') {
    throw new FrugalError('FRUGAL_INVALID_CATALOG', `catalog version must be a non-empty string, got ${describe(file.version)}`, { field: 'version' });
  }
  if (!Array.isArray(file.entries)) {
    throw new FrugalError('FRUGAL_INVALID_CATALOG', `catalog entries must be an array, got ${describe(file.entries)}`, { field: 'entries' });
  }
  const seen = new Set<string>();
  file.entries.forEach((entry: unknown, index) => {
    const name = isObject(entry) ? `${String(entry.provider)}/${String(entry.model)}` : '?';
    const label = `catalog entry ${index} (${name})`;
    validateEntry(entry, label);
    const key = `${entry.provider.toLowerCase()}\u0000${entry.model.toLowerCase()}\u0000${entry.effectiveFrom}`;
    if (seen.has(key)) {
      throw new FrugalError(
        'FRUGAL_INVALID_CATALOG',
        `${label}: effectiveFrom ${entry.effectiveFrom} repeats an earlier entry for the same provider and model`,
        { entry: label, field: 'effectiveFrom' },
      );
    }
    seen.add(key);
  });
}
