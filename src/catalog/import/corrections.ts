/**
 * Named corrections to the LiteLLM snapshot: each fixes one known data error (listed in
 * ../shared/data/README.md) or fills a value the snapshot lacks, and says where the right
 * value comes from. Each one has a test (corrections.test.ts) showing the raw snapshot is
 * wrong and the generated catalog right. Bump CORRECTIONS_REVISION when this list changes.
 */
import { decimalPlaces, divideDecimal, multiplyDecimal } from '../decimal.ts';
import { BUCKET_NAMES } from '../../usage/buckets.ts';
import type { BucketPrices, CatalogEntry, LongContextTier } from '../types.ts';

/** Sets the 1-hour cache write of one Anthropic model to Anthropic's published 2 × input. */
function oneHourWriteAtTwiceInput(model: string): Correction['apply'] {
  return (entry) => {
    if (!isModel(entry, 'anthropic', [model]) || entry.prices.live.input === undefined) return undefined;
    entry.prices.live.cacheWrite1h = multiplyDecimal(entry.prices.live.input, '2');
    return 'cacheWrite1h set to 2 × input';
  };
}

export const CORRECTIONS_REVISION = 2;

export interface Correction {
  name: string;
  /** What is wrong in the snapshot and which source gives the right value. */
  description: string;
  /** Fixes the entry in place; returns a note for the entry's `source`, or undefined when it does not apply. */
  apply(entry: CatalogEntry): string | undefined;
}

function isModel(entry: CatalogEntry, provider: string, models: readonly string[]): boolean {
  return entry.provider === provider && models.includes(entry.model);
}

/** Sets every given bucket of `target` to `factor` × the same bucket of `from`. */
function scaled(from: BucketPrices, factor: string, buckets: readonly (keyof BucketPrices)[]): BucketPrices {
  const result: BucketPrices = {};
  for (const bucket of buckets) {
    const price = from[bucket];
    if (price !== undefined) result[bucket] = multiplyDecimal(price, factor);
  }
  return result;
}

/** Anthropic's published cache-write multipliers: 1.25 × input (5 minutes), 2 × input (1 hour). */
function deriveAnthropicWrites(prices: BucketPrices): string[] {
  const derived: string[] = [];
  if (prices.input === undefined) return derived;
  if (prices.cacheWrite5m === undefined) {
    prices.cacheWrite5m = multiplyDecimal(prices.input, '1.25');
    derived.push('cacheWrite5m = 1.25 × input');
  }
  if (prices.cacheWrite1h === undefined) {
    prices.cacheWrite1h = multiplyDecimal(prices.input, '2');
    derived.push('cacheWrite1h = 2 × input');
  }
  return derived;
}

const OPENAI_BATCH_MODELS = ['gpt-5', 'gpt-5-mini', 'gpt-5-nano', 'gpt-5.1', 'gpt-5.2', 'o3', 'o4-mini'];
const OPENAI_BATCH_SNAPSHOTS = [
  'gpt-5-2025-08-07',
  'gpt-5-mini-2025-08-07',
  'gpt-5-nano-2025-08-07',
  'gpt-5.1-2025-11-13',
  'gpt-5.2-2025-12-11',
  'o3-2025-04-16',
  'o4-mini-2025-04-16',
];

/**
 * Anthropic minimum cacheable prompt length by model, from Anthropic's prompt-caching
 * documentation (4,096 for Opus 4.5 / 4.6 and Haiku 4.5; 2,048 for Haiku 3 / 3.5;
 * 1,024 for Sonnet 4.6 / 4.5 / 4 / 3.7, Opus 4.1 / 4 and Opus 3). Models newer than that
 * table keep the snapshot's own value (see docs/catalog.md).
 */
const ANTHROPIC_CACHE_MINIMUMS: ReadonlyMap<string, number> = new Map(Object.entries({
  'opus-4-5': 4096,
  'opus-4-6': 4096,
  'haiku-4-5': 4096,
  '3-haiku': 2048,
  '3-5-haiku': 2048,
  'sonnet-4-6': 1024,
  'sonnet-4-5': 1024,
  'sonnet-4': 1024,
  '4-sonnet': 1024,
  'opus-4-1': 1024,
  'opus-4': 1024,
  '4-opus': 1024,
  '3-7-sonnet': 1024,
  '3-5-sonnet': 1024,
  '3-opus': 1024,
}));

/**
 * A mode's prices in a long-context tier from the base prices of that mode, with the tier's
 * own multiplier for each bucket (tier live ÷ base live). A bucket is left out (unpriced)
 * when either live price is missing or the result is not exact to 6 decimals.
 */
function tierModePrices(base: BucketPrices, baseLive: BucketPrices, tierLive: BucketPrices): BucketPrices {
  const result: BucketPrices = {};
  for (const bucket of BUCKET_NAMES) {
    const price = base[bucket];
    const from = baseLive[bucket];
    const to = tierLive[bucket];
    if (price === undefined || from === undefined || to === undefined) continue;
    const derived = divideDecimal(multiplyDecimal(price, to), from);
    if (derived !== undefined && decimalPlaces(derived) <= 6) result[bucket] = derived;
  }
  return result;
}

const NON_LIVE_MODES = ['batch', 'flex', 'priority'] as const;

/** Fills the tier's missing non-live modes with `derive(mode)`; returns the modes filled. */
function fillTierModes(tier: LongContextTier, derive: (mode: (typeof NON_LIVE_MODES)[number]) => BucketPrices | undefined): string[] {
  const filled: string[] = [];
  for (const mode of NON_LIVE_MODES) {
    if (tier.prices[mode] !== undefined) continue;
    const prices = derive(mode);
    if (prices === undefined || Object.keys(prices).length === 0) continue;
    tier.prices[mode] = prices;
    filled.push(mode);
  }
  return filled;
}

/** Anthropic models without the web search tool (it starts with Claude 3.5). */
const ANTHROPIC_WITHOUT_WEB_SEARCH = /^claude-3-(haiku|opus|sonnet)-/;

/** "claude-opus-4-1-20250805" → "opus-4-1": the model family without its date suffix. */
function anthropicFamily(model: string): string {
  return model.replace(/^claude-/, '').replace(/-\d{8}$/, '');
}

export const CORRECTIONS: readonly Correction[] = [
  {
    name: 'anthropic-claude-3-haiku-1h-write',
    description:
      'claude-3-haiku-20240307 has a 1-hour cache write of $6/M (6e-6 per token) in the snapshot; Anthropic prices 1-hour writes at 2 × input, $0.50/M.',
    apply: oneHourWriteAtTwiceInput('claude-3-haiku-20240307'),
  },
  {
    name: 'anthropic-claude-3-opus-1h-write',
    description:
      'claude-3-opus-20240229 has a 1-hour cache write of 0.4 × input ($6/M) in the snapshot, below its own 5-minute write; Anthropic prices it at 2 × input, $30/M.',
    apply: oneHourWriteAtTwiceInput('claude-3-opus-20240229'),
  },
  {
    name: 'anthropic-missing-cache-writes',
    description:
      'Anthropic entries without cache-write prices (the claude-4-opus-20250514 and claude-4-sonnet-20250514 aliases lack the 1-hour write) get Anthropic\'s published multipliers: 5-minute write 1.25 × input, 1-hour write 2 × input, in every pricing mode and long-context tier that has an input price.',
    apply(entry) {
      if (entry.provider !== 'anthropic' || entry.kind === 'embedding') return undefined;
      const derived = deriveAnthropicWrites(entry.prices.live);
      for (const tier of entry.longContext ?? []) {
        if (deriveAnthropicWrites(tier.prices.live).length > 0) derived.push(`long-context writes above ${tier.aboveInputTokens}`);
      }
      return derived.length === 0 ? undefined : `derived ${derived.join(', ')}`;
    },
  },
  {
    name: 'openai-gpt-5-nano-priority',
    description:
      'gpt-5-nano has a priority input price of $2.50/M in the snapshot, 50 × its $0.05/M input; OpenAI\'s Priority processing table does not offer GPT-5 nano, so priority is left unpriced.',
    apply(entry) {
      if (!isModel(entry, 'openai', ['gpt-5-nano', 'gpt-5-nano-2025-08-07']) || entry.prices.priority === undefined) return undefined;
      delete entry.prices.priority;
      return 'priority prices removed (not offered)';
    },
  },
  {
    name: 'openai-gpt-5-family-batch',
    description:
      'gpt-5, gpt-5-mini, gpt-5-nano, gpt-5.1, gpt-5.2, o3 and o4-mini (and their dated snapshots) lack batch prices in the snapshot; OpenAI\'s Batch API is 0.5 × the live price for input, cached input and output.',
    apply(entry) {
      if (!isModel(entry, 'openai', [...OPENAI_BATCH_MODELS, ...OPENAI_BATCH_SNAPSHOTS]) || entry.prices.batch !== undefined) return undefined;
      entry.prices.batch = scaled(entry.prices.live, '0.5', ['input', 'cacheRead', 'output']);
      return 'batch set to 0.5 × live';
    },
  },
  {
    name: 'openai-gpt-5.5-priority',
    description:
      'gpt-5.5 priority prices are 2 × live in the snapshot ($10 / $1 / $60 per M); OpenAI\'s Priority processing page lists 2.5 × ($12.50 input, $1.25 cached input, $75 output).',
    apply(entry) {
      if (!isModel(entry, 'openai', ['gpt-5.5', 'gpt-5.5-2026-04-23'])) return undefined;
      entry.prices.priority = scaled(entry.prices.live, '2.5', ['input', 'cacheRead', 'output']);
      return 'priority set to 2.5 × live';
    },
  },
  {
    name: 'anthropic-batch-discount',
    description:
      'The snapshot has no batch prices for Anthropic; Anthropic\'s Message Batches API charges 50% of the live price for every token kind, cache reads and writes included.',
    apply(entry) {
      if (entry.provider !== 'anthropic' || entry.prices.batch !== undefined) return undefined;
      entry.prices.batch = scaled(entry.prices.live, '0.5', BUCKET_NAMES);
      return 'batch set to 0.5 × live';
    },
  },
  {
    name: 'anthropic-long-context-batch',
    description:
      'Long-context tiers (above 200k prompt tokens) have no batch prices in the snapshot, so a large batch request was unpriced; Anthropic\'s Message Batches charge 50% of the price that applies live, long-context prices included: batch tier = 0.5 × the tier\'s live price, every bucket.',
    apply(entry) {
      if (entry.provider !== 'anthropic' || entry.prices.batch === undefined) return undefined;
      const notes: string[] = [];
      for (const tier of entry.longContext ?? []) {
        const filled = fillTierModes(tier, (mode) => (mode === 'batch' ? scaled(tier.prices.live, '0.5', BUCKET_NAMES) : undefined));
        if (filled.length > 0) notes.push(`batch above ${tier.aboveInputTokens} set to 0.5 × the tier's live price`);
      }
      return notes.length === 0 ? undefined : notes.join(', ');
    },
  },
  {
    name: 'openai-long-context-modes',
    description:
      'Long-context tiers (above 272k prompt tokens) have live prices only in the snapshot, so a large batch, flex or priority request was unpriced; OpenAI\'s long-context multipliers (tier live ÷ base live: 2 × input and cached input, 1.5 × output) apply in every processing mode, so each mode\'s tier price is its base price × that multiplier (batch: 0.5 × the tier\'s live price). Buckets a base mode does not price stay unpriced.',
    apply(entry) {
      if (entry.provider !== 'openai') return undefined;
      const notes: string[] = [];
      for (const tier of entry.longContext ?? []) {
        const filled = fillTierModes(tier, (mode) => {
          const base = entry.prices[mode];
          return base === undefined ? undefined : tierModePrices(base, entry.prices.live, tier.prices.live);
        });
        if (filled.length > 0) notes.push(`${filled.join(', ')} above ${tier.aboveInputTokens} set to the base price × the tier's multiplier`);
      }
      return notes.length === 0 ? undefined : notes.join(', ');
    },
  },
  {
    name: 'anthropic-web-search-fees',
    description:
      'Anthropic charges $10 per 1,000 web searches ($0.01 each) and nothing beyond tokens for web fetches, on every model since Claude 3.5. The snapshot lacks the search fee for some models (Claude Haiku 4.5) and files it under three search context sizes Anthropic does not have; Anthropic usage reports server_tool_use.web_search_requests and web_fetch_requests, priced as the tool kinds web_search and web_fetch.',
    apply(entry) {
      if (entry.provider !== 'anthropic' || entry.kind === 'embedding' || ANTHROPIC_WITHOUT_WEB_SEARCH.test(entry.model)) return undefined;
      entry.fees = { ...entry.fees, perToolCall: { web_search: '0.01', web_fetch: '0' } };
      return 'perToolCall set to web_search $0.01, web_fetch $0';
    },
  },
  {
    name: 'openai-ft-gpt-4o-2024-11-20-cache-read',
    description:
      'ft:gpt-4o-2024-11-20 lists its $1.875/M cached-input price as a cache-write price (below its $3.75/M input, found by `frugal prices --check`); OpenAI prices fine-tuned gpt-4o cached input at $1.875/M, as the snapshot does for ft:gpt-4o-2024-08-06.',
    apply(entry) {
      const live = entry.prices.live;
      if (!isModel(entry, 'openai', ['ft:gpt-4o-2024-11-20']) || live.cacheWrite5m === undefined || live.cacheRead !== undefined) return undefined;
      live.cacheRead = live.cacheWrite5m;
      delete live.cacheWrite5m;
      return 'cache-write price moved to cacheRead';
    },
  },
  {
    name: 'openrouter-gemini-3-pro-long-context-write',
    description:
      'OpenRouter google/gemini-3-pro-preview and gemini-3.1-pro-preview have a $0.25/M cache-write price above 200k tokens only, below the $4/M input it would replace (found by `frugal prices --check`); Gemini bills cache creation as input, so the stray write price is removed.',
    apply(entry) {
      if (!isModel(entry, 'openrouter', ['google/gemini-3-pro-preview', 'google/gemini-3.1-pro-preview'])) return undefined;
      let removed = false;
      for (const tier of entry.longContext ?? []) {
        if (entry.prices.live.cacheWrite5m === undefined && tier.prices.live.cacheWrite5m !== undefined) {
          delete tier.prices.live.cacheWrite5m;
          removed = true;
        }
      }
      return removed ? 'long-context cache-write price removed' : undefined;
    },
  },
  {
    name: 'anthropic-prompt-cache-minimums',
    description:
      'Anthropic\'s minimum cacheable prompt length is per model (1,024 / 2,048 / 4,096 tokens) and the snapshot omits or disagrees on some; Frugal follows Anthropic\'s prompt-caching documentation table.',
    apply(entry) {
      if (entry.provider !== 'anthropic') return undefined;
      const minimum = ANTHROPIC_CACHE_MINIMUMS.get(anthropicFamily(entry.model));
      if (minimum === undefined || entry.promptCacheMinTokens === minimum) return undefined;
      entry.promptCacheMinTokens = minimum;
      return `promptCacheMinTokens set to ${minimum}`;
    },
  },
  {
    name: 'openai-prompt-cache-minimum',
    description:
      'OpenAI caches prompts of 1,024 tokens or more (OpenAI prompt-caching guide); the snapshot has no minimum for OpenAI models.',
    apply(entry) {
      if (entry.provider !== 'openai' || !entry.capabilities.promptCaching || entry.promptCacheMinTokens !== undefined) return undefined;
      entry.promptCacheMinTokens = 1024;
      return 'promptCacheMinTokens set to 1024';
    },
  },
  {
    name: 'gemini-implicit-cache-minimum',
    description:
      'Gemini implicit caching applies from 1,024 prompt tokens on Flash models and 2,048 on Pro models (Gemini context-caching guide); the snapshot has no minimum for Gemini models.',
    apply(entry) {
      if (entry.provider !== 'gemini' || !entry.capabilities.promptCaching || entry.promptCacheMinTokens !== undefined) return undefined;
      const minimum = /(^|-)pro(-|$)/.test(entry.model) ? 2048 : /(^|-)flash(-|$)/.test(entry.model) ? 1024 : undefined;
      if (minimum === undefined) return undefined;
      entry.promptCacheMinTokens = minimum;
      return `promptCacheMinTokens set to ${minimum}`;
    },
  },
];

/** Applies every correction to the entry, appending what changed to its `source`. */
export function applyCorrections(entry: CatalogEntry, corrections: readonly Correction[] = CORRECTIONS): CatalogEntry {
  const notes: string[] = [];
  for (const correction of corrections) {
    const note = correction.apply(entry);
    if (note !== undefined) notes.push(`correction ${correction.name}: ${note}`);
  }
  if (notes.length > 0) entry.source = [entry.source, ...notes].filter((part) => part !== undefined).join('; ');
  return entry;
}
