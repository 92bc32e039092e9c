/**
 * SqlDriver over a `pg` connection pool. Every ledger transaction first takes one advisory
 * lock — shared for batches, exclusive for outcomes and migrations — so gateway replicas
 * write batches side by side while an outcome never races the batch that holds its request.
 */
import { Pool, types, type PoolClient } from 'pg';
import type { SqlDialect, SqlDriver, SqlExecutor, SqlRow, SqlValue, TransactionMode } from '../sql/driver.ts';

const DIALECT: SqlDialect = { name: 'postgres', maxParameters: 65_535, least: 'LEAST' };

/** Arbitrary, fixed: the bytes of "frugal" read as a number. */
const LEDGER_LOCK = 112_641_782_014_316;

const MAX_NAMED_STATEMENTS = 200;

const INT8 = 20;
const NUMERIC = 1700;

/** BIGINT columns, COUNT() and SUM() results as exact bigints, as node:sqlite returns them. */
const numericTypes = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8 || oid === NUMERIC ? (value: string) => BigInt(value) : types.getTypeParser(oid, format)
  ) as typeof types.getTypeParser,
};

/** `?` placeholders become `$1, $2, ...`; the ledger's SQL has no `?` anywhere else. */
function numbered(sql: string): string {
  let position = 0;
  return sql.replace(/\?/g, () => `$${(position += 1)}`);
}

export interface PostgresDriverOptions {
  url: string;
  /** Connections in the pool; the ledger needs few (one batch writer plus queries). */
  poolSize?: number;
}

export class PostgresDriver implements SqlDriver {
  readonly dialect = DIALECT;
  readonly #pool: Pool;
  readonly #statements = new Map<string, { text: string; name: string | undefined }>();

  constructor(options: PostgresDriverOptions) {
    this.#pool = new Pool({
      connectionString: options.url,
      max: options.poolSize ?? 4,
      types: numericTypes,
      // A dead server or network must fail a write (which the Ledger retries), not hang it.
      connectionTimeoutMillis: 10_000,
      query_timeout: 60_000,
    });
    // An idle connection dropped by the server must not crash the process; the next query reports it.
    this.#pool.on('error', () => undefined);
  }

  all(sql: string, parameters?: readonly SqlValue[]): Promise<SqlRow[]> {
    return this.#query(this.#pool, sql, parameters);
  }

  async run(sql: string, parameters?: readonly SqlValue[]): Promise<void> {
    await this.#query(this.#pool, sql, parameters);
  }

  async transaction<T>(mode: TransactionMode, work: (executor: SqlExecutor) => Promise<T>): Promise<T> {
    const client = await this.#pool.connect();
    const executor: SqlExecutor = {
      all: (sql, parameters) => this.#query(client, sql, parameters),
      run: async (sql, parameters) => {
        await this.#query(client, sql, parameters);
      },
    };
    let broken: Error | undefined;
    try {
      await client.query('BEGIN');
      const lock = mode === 'exclusive' ? 'pg_advisory_xact_lock' : 'pg_advisory_xact_lock_shared';
      await client.query(`SELECT ${lock}(${LEDGER_LOCK})`);
      const result = await work(executor);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch((rollbackError: Error) => {
        broken = rollbackError;
      });
      throw error;
    } finally {
      client.release(broken);
    }
  }

  close(): Promise<void> {
    return this.#pool.end();
  }

  async #query(target: Pool | PoolClient, sql: string, parameters: readonly SqlValue[] = []): Promise<SqlRow[]> {
    let statement = this.#statements.get(sql);
    if (statement === undefined) {
      // Named statements are parsed and planned once per connection. The ledger's statement texts
      // are a bounded set (batches bind arrays); the cap only guards against a leak.
      const named = /^(SELECT|INSERT|UPDATE|DELETE)\b/i.test(sql) && this.#statements.size < MAX_NAMED_STATEMENTS;
      statement = { text: numbered(sql), name: named ? `frugal_ledger_${this.#statements.size}` : undefined };
      if (named) this.#statements.set(sql, statement);
    }
    const result = await target.query({ text: statement.text, values: parameters as unknown[], name: statement.name });
    return result.rows as SqlRow[];
  }
}
