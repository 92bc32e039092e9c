import { FrugalError } from '../../../errors/frugal-error.ts';
import { DenseScopeIndex } from './dense-scope-index.ts';
import type { ScopeIndex, VectorMatch } from './scope-index.ts';
import { SparseScopeIndex } from './sparse-scope-index.ts';
import { SqliteEntries, type EntryRow } from './sqlite-entries.ts';
import { decodeVector, encodeVector, isDense, nonZeroCount, unitLength, type IndexVector } from './vector-codec.ts';

export interface VectorIndexOptions {
  /** SQLite file (created if absent), or ':memory:' for a cache that ends with the process. */
  path: string;
  /** The embedder the vectors come from; a file written by another embedder is emptied on open. */
  embedderName: string;
  dimensions: number;
  /** Bound on entries across all scopes; the least recently used entry goes first. */
  maxEntries: number;
  /** Milliseconds since the epoch; injectable for tests. */
  now?: () => number;
}

interface EntryState {
  scope: string;
  expiresAt: number;
}

export type StoredEntry = EntryRow;

/**
 * A bounded, persisted vector index partitioned by scope. Vectors live in memory, one
 * ScopeIndex per scope, so a search only ever sees its own scope's entries; texts and payloads
 * stay in SQLite and are read on a hit. Entries expire at their TTL and the least recently used
 * go when the bound is reached. Reopening the file restores the entries and their LRU order.
 */
export class VectorIndex {
  readonly #entries: SqliteEntries;
  readonly #scopes = new Map<string, ScopeIndex>();
  /** Every live entry, least recently used first (Map keeps insertion order). */
  readonly #recency = new Map<number, EntryState>();
  readonly #dimensions: number;
  readonly #maxEntries: number;
  readonly #now: () => number;
  #scratch: Float32Array | undefined;
  /** Entries dropped on open because the file held vectors of another embedder. */
  readonly discardedOnOpen: number;

  constructor(options: VectorIndexOptions) {
    if (!Number.isInteger(options.maxEntries) || options.maxEntries < 1) {
      throw new FrugalError('FRUGAL_INVALID_ARGUMENT', `maxEntries must be a positive integer, got ${options.maxEntries}`);
    }
    this.#dimensions = options.dimensions;
    this.#maxEntries = options.maxEntries;
    this.#now = options.now ?? Date.now;
    this.#entries = new SqliteEntries(options.path);
    const space = `${options.embedderName} ${options.dimensions}`;
    let discarded = 0;
    if (this.#entries.meta('embedder') !== space) {
      discarded = this.#entries.clear();
      this.#entries.setMeta('embedder', space);
    }
    this.discardedOnOpen = discarded;
    this.#load();
  }

  get size(): number {
    return this.#recency.size;
  }

  scopeSize(scope: string): number {
    return this.#scopes.get(scope)?.size ?? 0;
  }

  /** Stores an entry and returns its id; evicts the least recently used beyond the bound. */
  add(scope: string, vector: IndexVector, text: string, payload: string, ttlMilliseconds: number): number {
    this.#checkWidth(vector);
    const unit = unitLength(vector);
    const now = this.#now();
    const expiresAt = now + ttlMilliseconds;
    return this.#entries.transaction(() => {
      const id = this.#entries.insert(scope, text, payload, encodeVector(unit), now, expiresAt);
      this.#place(id, scope, unit, expiresAt);
      const evicted: number[] = [];
      for (const oldest of this.#recency.keys()) {
        if (this.#recency.size - evicted.length <= this.#maxEntries) break;
        evicted.push(oldest);
      }
      this.#forget(evicted);
      return id;
    });
  }

  /** The scope's live entries with similarity ≥ minimumSimilarity, best first. Expired entries are dropped. */
  search(scope: string, query: IndexVector, minimumSimilarity: number, limit: number): VectorMatch[] {
    const index = this.#scopes.get(scope);
    if (index === undefined) return [];
    this.#checkWidth(query);
    const unit = unitLength(query);
    let dense: Float32Array;
    if (isDense(unit)) {
      dense = unit;
    } else {
      // A sparse query is spread into a reused dense buffer, cleared after.
      dense = this.#scratch ??= new Float32Array(this.#dimensions);
      unit.indices.forEach((dimension, entry) => (dense[dimension] = unit.values[entry]!));
    }
    try {
      // Expired entries found are dropped and the search repeated: each round removes at least one.
      for (;;) {
        const now = this.#now();
        const matches = index.search(dense, minimumSimilarity, limit);
        const expired = matches.filter((match) => this.#recency.get(match.id)!.expiresAt <= now).map((match) => match.id);
        if (expired.length === 0) return matches;
        this.#entries.transaction(() => this.#forget(expired));
        if (!this.#scopes.has(scope)) return [];
      }
    } finally {
      if (!isDense(unit)) for (const dimension of unit.indices) dense[dimension] = 0;
    }
  }

  /** The id of the entry stored in this scope for exactly this text, if it is still live. */
  findText(scope: string, text: string): number | undefined {
    const id = this.#entries.findText(scope, text);
    return id !== undefined && this.#recency.has(id) ? id : undefined;
  }

  /** The stored text and payload of an entry of this scope, or undefined when it is gone. */
  read(scope: string, id: number): StoredEntry | undefined {
    const state = this.#recency.get(id);
    if (state === undefined || state.scope !== scope) return undefined;
    const row = this.#entries.read(id);
    return row?.scope === scope ? row : undefined;
  }

  /** Marks an entry as just used (a hit), so it is the last to be evicted. */
  touch(id: number): void {
    const state = this.#recency.get(id);
    if (state === undefined) return;
    this.#recency.delete(id);
    this.#recency.set(id, state);
    this.#entries.touch(id, this.#now());
  }

  remove(ids: readonly number[]): void {
    this.#entries.transaction(() => this.#forget(ids.filter((id) => this.#recency.has(id))));
  }

  /** Drops every expired entry; returns how many. */
  purgeExpired(): number {
    const now = this.#now();
    const expired = [...this.#recency].filter(([, state]) => state.expiresAt <= now).map(([id]) => id);
    if (expired.length > 0) this.#entries.transaction(() => this.#forget(expired));
    return expired.length;
  }

  /** Bytes held in memory by vectors and index structures (payloads stay on disk). */
  bytes(): number {
    let total = this.#recency.size * 48;
    for (const index of this.#scopes.values()) total += index.bytes();
    return total;
  }

  close(): void {
    this.#entries.close();
  }

  #checkWidth(vector: IndexVector): void {
    const fits = isDense(vector)
      ? vector.length === this.#dimensions
      : vector.indices.every((dimension) => dimension < this.#dimensions);
    if (!fits) {
      const width = isDense(vector) ? vector.length : Math.max(...vector.indices) + 1;
      throw new FrugalError('FRUGAL_INVALID_ARGUMENT', `vector has ${width} dimensions; this index holds ${this.#dimensions}`);
    }
  }

  #place(id: number, scope: string, vector: IndexVector, expiresAt: number): void {
    let index = this.#scopes.get(scope);
    if (index === undefined) {
      // Sparse vectors (most entries zero) get an inverted index; dense ones a contiguous scan.
      index = nonZeroCount(vector) * 4 <= this.#dimensions ? new SparseScopeIndex(this.#dimensions) : new DenseScopeIndex(this.#dimensions);
      this.#scopes.set(scope, index);
    }
    index.add(id, vector);
    this.#recency.set(id, { scope, expiresAt });
  }

  /** Removes entries from memory and from the file; call inside a transaction. */
  #forget(ids: readonly number[]): void {
    for (const id of ids) {
      const state = this.#recency.get(id);
      if (state === undefined) continue;
      this.#recency.delete(id);
      const index = this.#scopes.get(state.scope)!;
      index.remove(id);
      if (index.size === 0) this.#scopes.delete(state.scope);
    }
    this.#entries.delete(ids);
  }

  #load(): void {
    const now = this.#now();
    const stale: number[] = [];
    for (const row of this.#entries.vectors()) {
      if (row.expiresAt <= now) stale.push(row.id);
      else this.#place(row.id, row.scope, decodeVector(row.vector), row.expiresAt);
    }
    const overflow = [...this.#recency.keys()].slice(0, Math.max(0, this.#recency.size - this.#maxEntries));
    this.#entries.transaction(() => {
      this.#entries.delete(stale);
      this.#forget(overflow);
    });
  }
}
