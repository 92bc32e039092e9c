/**
 * The rules `frugal prices --check` applies to each entry. Each names prices that are
 * certainly wrong (error) or worth a look (warning).
 */
import type { BucketName } from '../usage/buckets.ts';
import { isToolKind, TOOL_KINDS } from '../usage/tool-kinds.ts';
import { compareDecimal, multiplyDecimal } from './decimal.ts';
import { PRICING_MODES, type BucketPrices, type CatalogEntry, type ModePrices } from './types.ts';

export interface Finding {
  severity: 'error' | 'warning';
  provider: string;
  model: string;
  rule: string;
  message: string;
}

type Report = (severity: Finding['severity'], rule: string, message: string) => void;

/** Providers with a batch API whose batch prices the catalog should carry. */
const BATCH_PROVIDERS = ['openai', 'anthropic', 'gemini'];
/** Providers whose prompt caching has a minimum prompt length Frugal needs (cache shaping, emulator). */
const CACHE_MINIMUM_PROVIDERS = ['openai', 'anthropic', 'gemini'];
const PRIORITY_CEILING = '3';
const WRITE_CEILING = '2';

const below = (left: string, right: string) => compareDecimal(left, right) < 0;
const above = (left: string, right: string) => compareDecimal(left, right) > 0;

function checkBuckets(prices: BucketPrices, where: string, report: Report): void {
  const { input, cacheRead, cacheWrite5m, cacheWrite1h } = prices;
  // A free model may have free cache reads; otherwise a read must cost less than input.
  if (input !== undefined && cacheRead !== undefined && (above(cacheRead, input) || (cacheRead === input && input !== '0'))) {
    report('error', 'cache-read-not-below-input', `${where}cache read ${cacheRead} is not below input ${input}`);
  }
  if (input !== undefined && cacheWrite5m !== undefined && below(cacheWrite5m, input)) {
    report('error', 'cache-write-below-input', `${where}5-minute cache write ${cacheWrite5m} is below input ${input}`);
  }
  if (cacheWrite5m !== undefined && cacheWrite1h !== undefined && below(cacheWrite1h, cacheWrite5m)) {
    report('error', 'cache-write-1h-below-5m', `${where}1-hour cache write ${cacheWrite1h} is below the 5-minute write ${cacheWrite5m}`);
  }
  for (const [name, write] of [['5-minute', cacheWrite5m], ['1-hour', cacheWrite1h]] as const) {
    if (input !== undefined && write !== undefined && input !== '0' && above(write, multiplyDecimal(input, WRITE_CEILING))) {
      report('warning', 'cache-write-far-above-input', `${where}${name} cache write ${write} is more than ${WRITE_CEILING} × input ${input}`);
    }
  }
}

function checkModes(prices: ModePrices, where: string, report: Report): void {
  const live = prices.live;
  for (const mode of ['batch', 'flex', 'priority'] as const) {
    const modePrices = prices[mode];
    if (modePrices === undefined) continue;
    for (const [bucket, price] of Object.entries(modePrices) as [BucketName, string][]) {
      const livePrice = live[bucket];
      if (livePrice === undefined) continue;
      const label = `${where}${mode} ${bucket} ${price}`;
      if (mode !== 'priority' && above(price, livePrice)) {
        report('error', `${mode}-above-live`, `${label} is above the live price ${livePrice}`);
      }
      if (mode === 'priority' && below(price, livePrice)) {
        report('error', 'priority-below-live', `${label} is below the live price ${livePrice}`);
      }
      if (mode === 'priority' && livePrice !== '0' && above(price, multiplyDecimal(livePrice, PRIORITY_CEILING))) {
        report('error', 'priority-far-above-live', `${label} is more than ${PRIORITY_CEILING} × the live price ${livePrice}`);
      }
    }
  }
  for (const mode of PRICING_MODES) {
    const modePrices = prices[mode];
    if (modePrices !== undefined) checkBuckets(modePrices, `${where}${mode === 'live' ? '' : `${mode} `}`, report);
  }
}

function checkLongContext(entry: CatalogEntry, report: Report): void {
  for (const tier of entry.longContext ?? []) {
    const where = `above ${tier.aboveInputTokens} tokens: `;
    for (const mode of PRICING_MODES) {
      const base = entry.prices[mode];
      const tierPrices = tier.prices[mode];
      if (base !== undefined && tierPrices === undefined) {
        report('warning', 'long-context-missing-mode', `${where}no ${mode} prices although the base prices ${mode}: a ${mode} request above the threshold is unpriced`);
      }
      if (base === undefined || tierPrices === undefined) continue;
      for (const [bucket, basePrice] of Object.entries(base) as [BucketName, string][]) {
        const tierPrice = tierPrices[bucket];
        // Reasoning without a tier price is billed at the tier's output price.
        if (tierPrice === undefined && bucket === 'reasoning' && tierPrices.output !== undefined) continue;
        if (tierPrice === undefined) {
          report('warning', 'long-context-missing-bucket', `${where}${mode} ${bucket} has a base price ${basePrice} but no long-context price`);
        } else if (below(tierPrice, basePrice)) {
          report('error', 'long-context-cheaper', `${where}${mode} ${bucket} ${tierPrice} is below the base price ${basePrice}`);
        }
      }
    }
    checkModes(tier.prices, where, report);
  }
}

function checkCoverage(entry: CatalogEntry, report: Report): void {
  const live = entry.prices.live;
  const generates = entry.kind !== 'embedding';
  if (generates && live.output === undefined) {
    report('warning', 'missing-output-price', `a ${entry.kind} model without an output price is unpriced for every call`);
  }
  if (generates && BATCH_PROVIDERS.includes(entry.provider) && entry.prices.batch === undefined) {
    report('warning', 'missing-batch-price', `${entry.provider} has a batch API but the entry has no batch price`);
  }
  if (entry.provider === 'anthropic' && live.cacheWrite5m !== undefined && live.cacheWrite1h === undefined) {
    report('warning', 'missing-cache-write-1h', 'Anthropic offers 1-hour cache writes but the entry has no 1-hour write price');
  }
  if (CACHE_MINIMUM_PROVIDERS.includes(entry.provider) && entry.capabilities.promptCaching && entry.promptCacheMinTokens === undefined) {
    report('warning', 'missing-cache-minimum', 'prompt caching is supported but the minimum cacheable prompt length is unknown');
  }
}

/** A fee under a name no usage reports would never be charged: the calls would stay unpriced. */
function checkToolKinds(entry: CatalogEntry, report: Report): void {
  for (const kind of Object.keys(entry.fees?.perToolCall ?? {})) {
    if (!isToolKind(kind)) {
      report('warning', 'unknown-tool-kind', `fees.perToolCall.${kind} is not a tool kind Frugal reports (${Object.keys(TOOL_KINDS).join(', ')})`);
    }
  }
}

/** Every finding for one structurally valid entry. */
export function checkEntry(entry: CatalogEntry): Finding[] {
  const findings: Finding[] = [];
  const report: Report = (severity, rule, message) =>
    findings.push({ severity, provider: entry.provider, model: entry.model, rule, message });
  checkModes(entry.prices, '', report);
  checkLongContext(entry, report);
  checkCoverage(entry, report);
  checkToolKinds(entry, report);
  return findings;
}
