/** One cached prompt prefix: how many tokens it covers and until when it lives. */
export interface CacheEntry {
  /** Tokens from the start of the prompt to the end of this prefix. */
  tokens: number;
  expiresAt: number;
  /** Lifetime granted again on every hit. */
  ttlMilliseconds: number;
}

/**
 * The cached prefixes of one cache namespace (organisation, model, optional cache key), keyed by
 * prefix digest. Bounded: beyond `maximumEntries` the least recently used prefix is evicted, as a
 * provider evicts cold cache lines.
 */
export class PrefixCacheStore {
  readonly #entries = new Map<number, CacheEntry>();
  readonly #maximumEntries: number;

  constructor(maximumEntries: number) {
    this.#maximumEntries = maximumEntries;
  }

  get size(): number {
    return this.#entries.size;
  }

  /** The live entry for this prefix, or undefined (an expired entry is dropped). */
  lookup(digest: number, now: number): CacheEntry | undefined {
    const entry = this.#entries.get(digest);
    if (entry === undefined) return undefined;
    if (entry.expiresAt <= now) {
      this.#entries.delete(digest);
      return undefined;
    }
    return entry;
  }

  /** Marks a hit: the entry becomes most recently used and its TTL starts again. */
  refresh(digest: number, entry: CacheEntry, now: number): void {
    entry.expiresAt = now + entry.ttlMilliseconds;
    this.#entries.delete(digest);
    this.#entries.set(digest, entry);
  }

  write(digest: number, tokens: number, ttlMilliseconds: number, now: number): void {
    const existing = this.#entries.get(digest);
    const lifetime = existing === undefined ? ttlMilliseconds : Math.max(existing.ttlMilliseconds, ttlMilliseconds);
    this.#entries.delete(digest);
    this.#entries.set(digest, { tokens, expiresAt: now + lifetime, ttlMilliseconds: lifetime });
    if (this.#entries.size > this.#maximumEntries) {
      const oldest = this.#entries.keys().next().value as number;
      this.#entries.delete(oldest);
    }
  }
}
