/**
 * Opens the SQLite ledger: the embedded default. node:sqlite is synchronous, so the store runs
 * on its own worker thread and the caller's event loop never waits on the database.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { FrugalError } from '../../errors/frugal-error.ts';
import { missingLedger, SqlLedgerStore } from '../sql/sql-store.ts';
import type { LedgerStore } from '../store.ts';
import { openWorkerStore } from '../worker-store/worker-store.ts';
import { SqliteDriver } from './sqlite-driver.ts';

/** Relative to the working directory; the same file `frugal serve` uses by default. */
export const DEFAULT_SQLITE_PATH = '.frugal/ledger.db';

export interface SqliteStoreOptions {
  /**
   * Default true: the file, its folders and the tables are created as needed. False (readers):
   * a missing file or one without ledger tables is refused with FRUGAL_LEDGER_STORAGE and
   * `details.missing`, and nothing is created.
   */
  create?: boolean;
}

/** `path` is a file path, or ":memory:" for a ledger that lives only as long as the store. */
export function openSqliteStore(path: string = DEFAULT_SQLITE_PATH, options: SqliteStoreOptions = {}): Promise<LedgerStore> {
  const argument: SqliteLocation = { path: path === ':memory:' ? path : resolve(path), create: options.create ?? true };
  return openWorkerStore({ module: import.meta.url, name: openSqliteStoreOnThisThread.name, argument });
}

export interface SqliteLocation {
  /** Absolute, or ":memory:". */
  path: string;
  create: boolean;
}

/**
 * The SQLite ledger on the calling thread: every call blocks that thread while SQLite works.
 * This is what runs inside openSqliteStore's thread; tests of the SQL alone use it directly.
 */
export async function openSqliteStoreOnThisThread({ path, create }: SqliteLocation): Promise<SqlLedgerStore> {
  if (!create && path !== ':memory:' && !existsSync(path)) throw missingLedger(path, 'the file does not exist');
  let driver: SqliteDriver;
  try {
    if (create && path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    driver = new SqliteDriver(path);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new FrugalError('FRUGAL_LEDGER_STORAGE', `could not open the SQLite ledger at ${path}: ${message}`, { path });
  }
  return SqlLedgerStore.open(driver, { create, location: path });
}
