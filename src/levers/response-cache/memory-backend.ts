import type { CachedResponse, ResponseCacheBackend, StoredValue } from './backend.ts';

export interface MemoryBackendOptions {
  /** Most entries kept. Default 10,000. */
  maxEntries?: number;
  /** Most bytes kept (UTF-8 of keys and serialized entries). Default 64 MiB. */
  maxBytes?: number;
  /** Milliseconds since the epoch. Default Date.now. */
  clock?: () => number;
}

interface Slot {
  json: string;
  expiresAt: number;
  bytes: number;
}

/**
 * A bounded in-process LRU: the least recently read or written entry goes first when either
 * bound is exceeded. Entries are kept serialized, so bytes are exact and reads return copies.
 */
export class MemoryBackend implements ResponseCacheBackend {
  readonly maxEntries: number;
  readonly maxBytes: number;
  readonly #clock: () => number;
  readonly #slots = new Map<string, Slot>();
  #bytes = 0;

  constructor(options: MemoryBackendOptions = {}) {
    this.maxEntries = options.maxEntries ?? 10_000;
    this.maxBytes = options.maxBytes ?? 64 * 1024 * 1024;
    this.#clock = options.clock ?? Date.now;
  }

  get size(): number {
    return this.#slots.size;
  }

  get bytes(): number {
    return this.#bytes;
  }

  async get(key: string): Promise<CachedResponse | undefined> {
    const slot = this.#slots.get(key);
    if (slot === undefined) return undefined;
    this.#remove(key, slot);
    if (slot.expiresAt <= this.#clock()) return undefined;
    this.#slots.set(key, slot);
    this.#bytes += slot.bytes;
    return (JSON.parse(slot.json) as StoredValue).entry;
  }

  async set(key: string, entry: CachedResponse, ttlMs: number): Promise<void> {
    const expiresAt = this.#clock() + ttlMs;
    const json = JSON.stringify({ entry, expiresAt } satisfies StoredValue);
    const bytes = Buffer.byteLength(json) + Buffer.byteLength(key);
    const previous = this.#slots.get(key);
    if (previous !== undefined) this.#remove(key, previous);
    if (bytes > this.maxBytes) return;
    this.#slots.set(key, { json, expiresAt, bytes });
    this.#bytes += bytes;
    for (const [oldest, slot] of this.#slots) {
      if (this.#slots.size <= this.maxEntries && this.#bytes <= this.maxBytes) break;
      this.#remove(oldest, slot);
    }
  }

  async delete(key: string): Promise<void> {
    const slot = this.#slots.get(key);
    if (slot !== undefined) this.#remove(key, slot);
  }

  async close(): Promise<void> {
    this.#slots.clear();
    this.#bytes = 0;
  }

  #remove(key: string, slot: Slot): void {
    this.#slots.delete(key);
    this.#bytes -= slot.bytes;
  }
}
