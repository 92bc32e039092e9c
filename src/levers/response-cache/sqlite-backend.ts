import { DatabaseSync, type StatementSync } from 'node:sqlite';
import { FrugalError } from '../../errors/frugal-error.ts';
import type { CachedResponse, ResponseCacheBackend, StoredValue } from './backend.ts';

export interface SqliteBackendOptions {
  /** Database file; ":memory:" for a private in-memory database. */
  path: string;
  /** Milliseconds since the epoch. Default Date.now. */
  clock?: () => number;
  /** Expired rows are deleted once every this many writes. Default 256. */
  pruneEvery?: number;
}

/** The embedded default: one SQLite table, through node:sqlite. */
export class SqliteBackend implements ResponseCacheBackend {
  readonly #database: DatabaseSync;
  readonly #clock: () => number;
  readonly #pruneEvery: number;
  readonly #select: StatementSync;
  readonly #upsert: StatementSync;
  readonly #remove: StatementSync;
  readonly #prune: StatementSync;
  #writes = 0;

  constructor(options: SqliteBackendOptions) {
    this.#clock = options.clock ?? Date.now;
    this.#pruneEvery = options.pruneEvery ?? 256;
    try {
      this.#database = new DatabaseSync(options.path);
      this.#database.exec('PRAGMA journal_mode = WAL; CREATE TABLE IF NOT EXISTS response_cache (key TEXT PRIMARY KEY, value TEXT NOT NULL, expires_at INTEGER NOT NULL)');
      this.#select = this.#database.prepare('SELECT value, expires_at FROM response_cache WHERE key = ?');
      this.#upsert = this.#database.prepare('INSERT OR REPLACE INTO response_cache (key, value, expires_at) VALUES (?, ?, ?)');
      this.#remove = this.#database.prepare('DELETE FROM response_cache WHERE key = ?');
      this.#prune = this.#database.prepare('DELETE FROM response_cache WHERE expires_at <= ?');
    } catch (error) {
      throw storageError(`open ${options.path}`, error);
    }
  }

  async get(key: string): Promise<CachedResponse | undefined> {
    const row = this.#run('read', () => this.#select.get(key)) as { value: string; expires_at: number } | undefined;
    if (row === undefined) return undefined;
    if (row.expires_at <= this.#clock()) {
      this.#run('delete', () => this.#remove.run(key));
      return undefined;
    }
    return (JSON.parse(row.value) as StoredValue).entry;
  }

  async set(key: string, entry: CachedResponse, ttlMs: number): Promise<void> {
    const now = this.#clock();
    const expiresAt = now + ttlMs;
    this.#run('write', () => this.#upsert.run(key, JSON.stringify({ entry, expiresAt } satisfies StoredValue), expiresAt));
    this.#writes += 1;
    if (this.#writes % this.#pruneEvery === 0) this.#run('prune', () => this.#prune.run(now));
  }

  async delete(key: string): Promise<void> {
    this.#run('delete', () => this.#remove.run(key));
  }

  async close(): Promise<void> {
    if (this.#database.isOpen) this.#database.close();
  }

  #run<T>(action: string, operation: () => T): T {
    try {
      return operation();
    } catch (error) {
      throw storageError(action, error);
    }
  }
}

function storageError(action: string, error: unknown): FrugalError {
  const reason = error instanceof Error ? error.message : String(error);
  return new FrugalError('FRUGAL_CACHE_STORAGE', `response cache (SQLite) could not ${action}: ${reason}`, { backend: 'sqlite', action });
}
