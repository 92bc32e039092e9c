import type { Catalog } from '../../catalog/catalog.ts';
import { preparedPrices } from '../../cost/prepared-prices.ts';
import type { Lever, LeverCall } from '../../gateway/levers/lever.ts';
import type { CanonicalRequest } from '../../protocols/canonical/request.ts';
import { BUCKET_NAMES } from '../../usage/buckets.ts';
import { BoundedMap } from '../bounded-map/bounded-map.ts';
import { sha256Hex } from '../canonical-json/stable-json.ts';
import { ANTHROPIC_CACHE_MULTIPLIERS, type PromptCachePrices } from './choose-ttl.ts';
import { insertBreakpoints, type InsertedBreakpoint, type SkippedBoundary } from './insert-breakpoints.ts';
import { prefixAt, prefixHash } from './prefix-measure.ts';
import { PrefixLinter, type LintCode, type PrefixWarning } from './prefix-linter.ts';
import { ReuseTracker } from './reuse-tracker.ts';

/** What the lever did to one call: for the gateway to store with the request. */
export interface ShapingReport {
  route: string;
  inserted: InsertedBreakpoint[];
  skipped: SkippedBoundary[];
  /** The `prompt_cache_key` set for an OpenAI upstream, when the client sent none. */
  promptCacheKey?: string;
  warnings: PrefixWarning[];
}

export interface PromptCacheLeverOptions {
  /** Minimum cacheable tokens and cache prices per model. */
  catalog: Catalog;
  /** Milliseconds since the epoch, for the reuse tracker. Default Date.now. */
  clock?: () => number;
  /** (route, prefix) pairs the reuse tracker remembers. Default 10,000. */
  trackerCapacity?: number;
  /** Routes remembered by the linter and the warning counters. Default 1,000. */
  routeCapacity?: number;
  /** Called once per call with what was done and found. */
  onReport?: (call: LeverCall, report: ShapingReport) => void;
}

const INDEX = {
  input: BUCKET_NAMES.indexOf('input'),
  read: BUCKET_NAMES.indexOf('cacheRead'),
  write5m: BUCKET_NAMES.indexOf('cacheWrite5m'),
  write1h: BUCKET_NAMES.indexOf('cacheWrite1h'),
};

/**
 * Prompt-cache shaping as a gateway lever: Anthropic breakpoints and TTLs for Anthropic
 * upstreams, a `prompt_cache_key` per route and prefix for OpenAI upstreams, and the prefix
 * lint for every chat call.
 */
export class PromptCacheLever implements Lever {
  readonly name = 'prompt-cache-shaping';
  readonly #catalog: Catalog;
  readonly #tracker: ReuseTracker;
  readonly #linter: PrefixLinter;
  readonly #counts: BoundedMap<string, Map<LintCode, number>>;
  readonly #onReport: ((call: LeverCall, report: ShapingReport) => void) | undefined;

  constructor(options: PromptCacheLeverOptions) {
    this.#catalog = options.catalog;
    this.#tracker = new ReuseTracker({ capacity: options.trackerCapacity ?? 10_000, ...(options.clock === undefined ? {} : { clock: options.clock }) });
    this.#linter = new PrefixLinter({ routeCapacity: options.routeCapacity ?? 1_000 });
    this.#counts = new BoundedMap(options.routeCapacity ?? 1_000);
    this.#onReport = options.onReport;
  }

  apply(call: LeverCall): void {
    const route = call.target?.route ?? call.target?.requested ?? call.canonical.model;
    const request = call.canonical;
    const userNames = [call.attribution.user, call.attribution.customer, request.user].filter((name): name is string => typeof name === 'string');
    const report: ShapingReport = { route, inserted: [], skipped: [], warnings: this.#linter.lint({ route, request, userNames }) };
    this.#count(route, report.warnings);
    const family = call.target?.provider.config.type;
    const model = call.target?.model ?? request.model;
    if (family === 'anthropic') {
      const entry = this.#catalog.find(model, { provider: 'anthropic' }) ?? this.#catalog.find(model);
      const result = insertBreakpoints(request, {
        route,
        minimumCacheableTokens: entry?.promptCacheMinTokens,
        prices: entry === undefined ? ANTHROPIC_CACHE_MULTIPLIERS : cachePrices(entry),
        tracker: this.#tracker,
      });
      report.inserted = result.inserted;
      report.skipped = result.skipped;
      if (result.inserted.length > 0) call.rewrite(result.request);
    } else if (family === 'openai' && request.cache?.key === undefined) {
      const key = promptCacheKey(route, request);
      report.promptCacheKey = key;
      call.rewrite({ ...request, cache: { ...request.cache, key } });
    }
    this.#onReport?.(call, report);
  }

  /** Warnings counted on `route` by code since the gateway started (routes beyond the capacity are forgotten). */
  warningCounts(route: string): Partial<Record<LintCode, number>> {
    return Object.fromEntries(this.#counts.get(route) ?? []);
  }

  #count(route: string, warnings: readonly PrefixWarning[]): void {
    if (warnings.length === 0) return;
    let counts = this.#counts.get(route);
    if (counts === undefined) {
      counts = new Map();
      this.#counts.set(route, counts);
    }
    for (const warning of warnings) counts.set(warning.code, (counts.get(warning.code) ?? 0) + 1);
  }
}

/** `prompt_cache_key` for OpenAI: one per route and stable prefix (tools and system), 39 characters. */
export function promptCacheKey(route: string, request: CanonicalRequest): string {
  return `frugal-${sha256Hex(`${route}\u0000${prefixHash(prefixAt(request, 'system', -1))}`).slice(0, 32)}`;
}

function cachePrices(entry: Parameters<typeof preparedPrices>[0]): PromptCachePrices {
  const pico = preparedPrices(entry).base.live.pico;
  const prices = { input: pico[INDEX.input]!, read: pico[INDEX.read]!, write5m: pico[INDEX.write5m]!, write1h: pico[INDEX.write1h]! };
  return Object.values(prices).some((price) => price < 0) ? ANTHROPIC_CACHE_MULTIPLIERS : prices;
}
