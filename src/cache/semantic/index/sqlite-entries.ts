import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { createHash } from 'node:crypto';
import { DatabaseSync, type StatementSync } from 'node:sqlite';
import { FrugalError } from '../../../errors/frugal-error.ts';

/** Bumped when the table changes; a file of another format is emptied (it is only a cache). */
const FORMAT = '1';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS semantic_cache_entries (
  id INTEGER PRIMARY KEY,
  scope TEXT NOT NULL,
  text TEXT NOT NULL,
  text_hash TEXT NOT NULL,
  payload TEXT NOT NULL,
  vector BLOB NOT NULL,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  last_used_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS semantic_cache_entries_text ON semantic_cache_entries (scope, text_hash);`;

function textHash(text: string): string {
  return createHash('sha256').update(text).digest('base64url').slice(0, 22);
}

export interface EntryRow {
  id: number;
  scope: string;
  text: string;
  payload: string;
  createdAt: number;
  expiresAt: number;
}

export interface VectorRow {
  id: number;
  scope: string;
  vector: Uint8Array;
  expiresAt: number;
}

/** The semantic cache's rows in one SQLite file (node:sqlite): the durable half of the index. */
export class SqliteEntries {
  readonly #database: DatabaseSync;
  readonly #insert: StatementSync;
  readonly #delete: StatementSync;
  readonly #read: StatementSync;
  readonly #touch: StatementSync;
  readonly #findText: StatementSync;

  constructor(path: string) {
    try {
      if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
      this.#database = new DatabaseSync(path);
      this.#database.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 5000;');
      this.#database.exec('CREATE TABLE IF NOT EXISTS semantic_cache_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);');
      if (this.meta('format') !== FORMAT) {
        this.#database.exec('DROP TABLE IF EXISTS semantic_cache_entries;');
        this.setMeta('format', FORMAT);
      }
      this.#database.exec(SCHEMA);
    } catch (error) {
      throw new FrugalError('FRUGAL_CACHE_STORAGE', `cannot open the semantic cache file ${path}: ${(error as Error).message}`, { path });
    }
    this.#insert = this.#database.prepare(
      'INSERT INTO semantic_cache_entries (scope, text, text_hash, payload, vector, created_at, expires_at, last_used_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    this.#delete = this.#database.prepare('DELETE FROM semantic_cache_entries WHERE id = ?');
    this.#read = this.#database.prepare(
      'SELECT id, scope, text, payload, created_at AS createdAt, expires_at AS expiresAt FROM semantic_cache_entries WHERE id = ?',
    );
    this.#touch = this.#database.prepare('UPDATE semantic_cache_entries SET last_used_at = ? WHERE id = ?');
    this.#findText = this.#database.prepare('SELECT id, text FROM semantic_cache_entries WHERE scope = ? AND text_hash = ?');
  }

  meta(key: string): string | undefined {
    const row = this.#database.prepare('SELECT value FROM semantic_cache_meta WHERE key = ?').get(key) as { value: string } | undefined;
    return row?.value;
  }

  setMeta(key: string, value: string): void {
    this.#database.prepare('INSERT INTO semantic_cache_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
  }

  clear(): number {
    return Number(this.#database.prepare('DELETE FROM semantic_cache_entries').run().changes);
  }

  /** Every row's vector, least recently used first (the order the LRU is rebuilt in). */
  *vectors(): Generator<VectorRow> {
    const rows = this.#database
      .prepare('SELECT id, scope, vector, expires_at AS expiresAt FROM semantic_cache_entries ORDER BY last_used_at, id')
      .iterate();
    for (const row of rows) yield row as unknown as VectorRow;
  }

  insert(scope: string, text: string, payload: string, vector: Uint8Array, now: number, expiresAt: number): number {
    return Number(this.#insert.run(scope, text, textHash(text), payload, vector, now, expiresAt, now).lastInsertRowid);
  }

  /** The entry of this scope stored for exactly this text, if any. */
  findText(scope: string, text: string): number | undefined {
    const rows = this.#findText.all(scope, textHash(text)) as Array<{ id: number; text: string }>;
    return rows.find((row) => row.text === text)?.id;
  }

  read(id: number): EntryRow | undefined {
    return this.#read.get(id) as EntryRow | undefined;
  }

  touch(id: number, now: number): void {
    this.#touch.run(now, id);
  }

  delete(ids: readonly number[]): void {
    for (const id of ids) this.#delete.run(id);
  }

  /** Runs `work` in one write transaction; a storage failure becomes FRUGAL_CACHE_STORAGE. */
  transaction<T>(work: () => T): T {
    try {
      this.#database.exec('BEGIN IMMEDIATE');
      const result = work();
      this.#database.exec('COMMIT');
      return result;
    } catch (error) {
      if (this.#database.isOpen && this.#database.isTransaction) this.#database.exec('ROLLBACK');
      if (FrugalError.isInstance(error)) throw error;
      throw new FrugalError('FRUGAL_CACHE_STORAGE', `semantic cache write failed: ${(error as Error).message}`);
    }
  }

  close(): void {
    if (this.#database.isOpen) this.#database.close();
  }
}
