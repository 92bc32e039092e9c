import { FrugalError } from '../errors/frugal-error.ts';
import { closestNames } from './suggest.ts';
import type { CatalogEntry, CatalogFile } from './types.ts';
import { validateCatalogFile } from './validate.ts';

/** Providers that sell their own models; preferred over resellers when a name is ambiguous. */
export const FIRST_PARTY_PROVIDERS = ['openai', 'anthropic', 'gemini', 'deepseek'] as const;

export interface ResolveOptions {
  /** Restrict the lookup to one provider route. */
  provider?: string;
  /** Price in force at this time (default: now). */
  at?: Date | string;
}

/** All dated entries of one (provider, model), oldest first. */
interface History {
  entries: CatalogEntry[];
  /** effectiveFrom of each entry as epoch milliseconds (UTC midnight). */
  starts: number[];
}

function providerRank(provider: string): number {
  const index = (FIRST_PARTY_PROVIDERS as readonly string[]).indexOf(provider);
  return index === -1 ? FIRST_PARTY_PROVIDERS.length : index;
}

/** First-party providers first, then resellers alphabetically. */
function byProviderPreference(left: History, right: History): number {
  const a = left.entries[0]!.provider.toLowerCase();
  const b = right.entries[0]!.provider.toLowerCase();
  return providerRank(a) - providerRank(b) || (a < b ? -1 : a > b ? 1 : 0);
}

function toTime(at: Date | string | undefined): number {
  if (at === undefined) return Date.now();
  const time = typeof at === 'string' ? Date.parse(at) : at.getTime();
  if (Number.isNaN(time)) {
    throw new FrugalError('FRUGAL_INVALID_ARGUMENT', `time "${String(at)}" is not a valid ISO date or timestamp`, { at: String(at) });
  }
  return time;
}

/** The entry in force at `time`; before the first entry, the first entry applies. */
function inForce(history: History, time: number): CatalogEntry {
  const { entries, starts } = history;
  if (entries.length === 1) return entries[0]!;
  let low = 0;
  let high = starts.length - 1;
  let found = 0;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (starts[middle]! <= time) {
      found = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return entries[found]!;
}

/**
 * The price catalog: every lookup is a few Map reads (no scan), so pricing stays
 * well above a million calls per second.
 */
export class Catalog {
  readonly version: string;
  /** "provider\0model" (lower case) → dated entries. */
  readonly #histories = new Map<string, History>();
  /** provider (lower case) → name or alias (lower case) → history. */
  readonly #byProvider = new Map<string, Map<string, History>>();
  /** name or alias (lower case) → histories of every provider that knows it, preferred first. */
  readonly #byName = new Map<string, History[]>();
  /**
   * Successful lookups: provider as asked ("" when none) → name exactly as asked → history.
   * Nested maps, so a lookup hashes the caller's own strings (V8 caches a string's hash)
   * instead of building and hashing a combined key on every call.
   */
  readonly #resolved = new Map<string, Map<string, History>>();
  #resolvedCount = 0;

  private constructor(file: CatalogFile) {
    this.version = file.version;
    for (const entry of file.entries) {
      const key = `${entry.provider.toLowerCase()}\u0000${entry.model.toLowerCase()}`;
      let history = this.#histories.get(key);
      if (history === undefined) {
        history = { entries: [], starts: [] };
        this.#histories.set(key, history);
      }
      history.entries.push(entry);
    }
    for (const history of this.#histories.values()) {
      history.entries.sort((left, right) => left.effectiveFrom.localeCompare(right.effectiveFrom));
      history.starts = history.entries.map((entry) => Date.parse(`${entry.effectiveFrom}T00:00:00Z`));
    }
    this.#indexNames();
  }

  /** Builds a catalog from a parsed file, validating it first (FRUGAL_INVALID_CATALOG on error). */
  static fromFile(file: CatalogFile): Catalog {
    validateCatalogFile(file);
    return new Catalog(file);
  }

  #indexNames(): void {
    const ordered = [...this.#histories.values()].sort(byProviderPreference);
    // Model names first, so an alias never hides another entry's own name.
    for (const useAliases of [false, true]) {
      for (const history of ordered) {
        const provider = history.entries[0]!.provider.toLowerCase();
        let names = this.#byProvider.get(provider);
        if (names === undefined) {
          names = new Map();
          this.#byProvider.set(provider, names);
        }
        const candidates = useAliases
          ? history.entries.flatMap((entry) => entry.aliases ?? [])
          : [history.entries[0]!.model];
        for (const candidate of candidates) {
          const name = candidate.toLowerCase();
          if (names.has(name)) continue;
          names.set(name, history);
          const sharing = this.#byName.get(name);
          if (sharing === undefined) this.#byName.set(name, [history]);
          else if (!sharing.includes(history)) sharing.push(history);
        }
      }
    }
    for (const sharing of this.#byName.values()) sharing.sort(byProviderPreference);
  }

  #lookup(model: string, provider: string | undefined): History | undefined {
    const cached = this.#resolved.get(provider ?? '')?.get(model);
    if (cached !== undefined) return cached;
    const found = this.#search(model.toLowerCase(), provider?.toLowerCase());
    if (found !== undefined) this.#remember(provider ?? '', model, found);
    return found;
  }

  /** Memoizes a lookup; the memo is bounded, since names come from callers. */
  #remember(provider: string, model: string, history: History): void {
    if (this.#resolvedCount >= 10_000) {
      this.#resolved.clear();
      this.#resolvedCount = 0;
    }
    let names = this.#resolved.get(provider);
    if (names === undefined) {
      names = new Map();
      this.#resolved.set(provider, names);
    }
    names.set(model, history);
    this.#resolvedCount++;
  }

  #search(name: string, provider: string | undefined): History | undefined {
    const slash = name.indexOf('/');
    if (slash > 0) {
      // "anthropic/claude-sonnet-4-5": a provider prefix wins over a reseller's model of that name.
      const prefix = name.slice(0, slash);
      const rest = name.slice(slash + 1);
      if (provider === undefined || provider === prefix) {
        const prefixed = this.#byProvider.get(prefix)?.get(rest);
        if (prefixed !== undefined) return prefixed;
      }
    }
    if (provider !== undefined) return this.#byProvider.get(provider)?.get(name);
    return this.#byName.get(name)?.[0];
  }

  /** The entry for `model` in force at `options.at` (default now); undefined when unknown. */
  find(model: string, options?: ResolveOptions): CatalogEntry | undefined {
    const history = this.#lookup(model, options?.provider);
    if (history === undefined) return undefined;
    // A single dated entry is in force at any time: no clock read, no search.
    if (history.entries.length === 1 && options?.at === undefined) return history.entries[0]!;
    return inForce(history, toTime(options?.at));
  }

  /** Like find, but an unknown model throws FRUGAL_UNKNOWN_MODEL with the closest known names. */
  resolve(model: string, options?: ResolveOptions): CatalogEntry {
    const entry = this.find(model, options);
    if (entry !== undefined) return entry;
    const suggestions = this.suggestions(model);
    const where = options?.provider === undefined ? '' : ` for provider "${options.provider}"`;
    const closest = suggestions.length === 0 ? 'no close names' : `closest: ${suggestions.join(', ')}`;
    throw new FrugalError(
      'FRUGAL_UNKNOWN_MODEL',
      `model "${model}" is not in the catalog${where}, so it is unpriced; ${closest}`,
      { model, ...(options?.provider === undefined ? {} : { provider: options.provider }), suggestions },
    );
  }

  /** Known model names closest to `model` (substring matches first, then small edit distance). */
  suggestions(model: string, limit = 5): string[] {
    const names = new Set<string>();
    for (const history of this.#histories.values()) names.add(history.entries[0]!.model);
    const slash = model.indexOf('/');
    const bare = slash > 0 && this.#byProvider.has(model.slice(0, slash).toLowerCase()) ? model.slice(slash + 1) : model;
    return closestNames(bare, names, limit);
  }

  /** One entry per (provider, model): the one in force at `options.at` (default now). */
  entries(options?: { at?: Date | string }): CatalogEntry[] {
    const time = toTime(options?.at);
    return [...this.#histories.values()].map((history) => inForce(history, time));
  }
}
