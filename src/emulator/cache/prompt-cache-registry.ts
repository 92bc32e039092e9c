import { PrefixCacheStore } from './prefix-cache-store.ts';

export interface PromptCacheLimits {
  /** Cache namespaces (organisation × model × cache key) kept before the least recent is dropped. */
  maximumNamespaces: number;
  /** Cached prefixes kept per namespace. */
  maximumEntriesPerNamespace: number;
}

export const DEFAULT_PROMPT_CACHE_LIMITS: PromptCacheLimits = {
  maximumNamespaces: 10_000,
  maximumEntriesPerNamespace: 2_000,
};

/**
 * Prompt caches are per organisation: one API key never reads another's prefixes. Each namespace
 * holds one key's prefixes for one model (and one `prompt_cache_key`, where given); memory is
 * bounded at both levels.
 */
export class PromptCacheRegistry {
  readonly #stores = new Map<string, PrefixCacheStore>();
  readonly #limits: PromptCacheLimits;

  constructor(limits: PromptCacheLimits = DEFAULT_PROMPT_CACHE_LIMITS) {
    this.#limits = limits;
  }

  store(apiKey: string, model: string, cacheKey = ''): PrefixCacheStore {
    const namespace = `${apiKey}\u0000${model}\u0000${cacheKey}`;
    let store = this.#stores.get(namespace);
    if (store === undefined) {
      store = new PrefixCacheStore(this.#limits.maximumEntriesPerNamespace);
      this.#stores.set(namespace, store);
      if (this.#stores.size > this.#limits.maximumNamespaces) {
        this.#stores.delete(this.#stores.keys().next().value as string);
      }
    }
    return store;
  }

  get namespaceCount(): number {
    return this.#stores.size;
  }

  clear(): void {
    this.#stores.clear();
  }
}
