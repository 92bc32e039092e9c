/**
 * SqlDriver over Node's built-in node:sqlite. One connection per store; calls are queued so a
 * transaction's statements never interleave with another caller's. BEGIN IMMEDIATE takes the
 * file's write lock up front, which also serializes writers in other processes.
 */
import { DatabaseSync, type SQLInputValue, type StatementSync } from 'node:sqlite';
import type { SqlDialect, SqlDriver, SqlExecutor, SqlRow, SqlValue } from '../sql/driver.ts';

const DIALECT: SqlDialect = { name: 'sqlite', maxParameters: 32_766, least: 'min' };
const CACHED_STATEMENTS = 64;

export class SqliteDriver implements SqlDriver {
  readonly dialect = DIALECT;
  readonly #database: DatabaseSync;
  readonly #statements = new Map<string, StatementSync>();
  readonly #direct: SqlExecutor;
  #tail: Promise<unknown> = Promise.resolve();

  constructor(location: string) {
    this.#database = new DatabaseSync(location);
    this.#database.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 5000;');
    this.#direct = {
      all: async (sql, parameters = []) => this.#statement(sql).all(...(parameters as SQLInputValue[])) as SqlRow[],
      run: async (sql, parameters = []) => {
        this.#statement(sql).run(...(parameters as SQLInputValue[]));
      },
    };
  }

  all(sql: string, parameters?: readonly SqlValue[]): Promise<SqlRow[]> {
    return this.#serially(() => this.#direct.all(sql, parameters));
  }

  run(sql: string, parameters?: readonly SqlValue[]): Promise<void> {
    return this.#serially(() => this.#direct.run(sql, parameters));
  }

  transaction<T>(_mode: 'write' | 'exclusive', work: (executor: SqlExecutor) => Promise<T>): Promise<T> {
    return this.#serially(async () => {
      this.#database.exec('BEGIN IMMEDIATE');
      try {
        const result = await work(this.#direct);
        this.#database.exec('COMMIT');
        return result;
      } catch (error) {
        if (this.#database.isTransaction) this.#database.exec('ROLLBACK');
        throw error;
      }
    });
  }

  async close(): Promise<void> {
    await this.#serially(async () => {
      this.#statements.clear();
      if (this.#database.isOpen) this.#database.close();
    });
  }

  #serially<T>(work: () => Promise<T>): Promise<T> {
    const result = this.#tail.then(work);
    this.#tail = result.catch(() => undefined);
    return result;
  }

  #statement(sql: string): StatementSync {
    let statement = this.#statements.get(sql);
    if (statement === undefined) {
      statement = this.#database.prepare(sql);
      statement.setReadBigInts(true);
      if (this.#statements.size >= CACHED_STATEMENTS) {
        this.#statements.delete(this.#statements.keys().next().value as string);
      }
      this.#statements.set(sql, statement);
    }
    return statement;
  }
}
