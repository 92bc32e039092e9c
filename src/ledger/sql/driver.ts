/**
 * The small SQL surface the ledger needs from a database. Statements are written once with
 * `?` placeholders in the SQL both SQLite and PostgreSQL accept; each driver adapts the rest.
 */
/** Integers read back as bigint from both drivers, so sums stay exact past 2^53. */
export type SqlScalar = string | number | bigint | null;

/** Arrays are bound only on PostgreSQL (unnest, = ANY); SQLite statements never receive one. */
export type SqlValue = SqlScalar | readonly SqlScalar[];

export type SqlRow = Record<string, unknown>;

export interface SqlExecutor {
  all(sql: string, parameters?: readonly SqlValue[]): Promise<SqlRow[]>;
  run(sql: string, parameters?: readonly SqlValue[]): Promise<void>;
}

/**
 * `write` transactions (batches) may run side by side across processes; `exclusive` ones
 * (outcomes, migrations) run alone, so an outcome and the batch holding its request cannot
 * miss each other.
 */
export type TransactionMode = 'write' | 'exclusive';

export interface SqlDialect {
  name: 'sqlite' | 'postgres';
  /** Most bound parameters one statement may carry. */
  maxParameters: number;
  /** Scalar minimum of two values: min() in SQLite, LEAST() in PostgreSQL. */
  least: string;
}

export interface SqlDriver extends SqlExecutor {
  readonly dialect: SqlDialect;
  transaction<T>(mode: TransactionMode, work: (executor: SqlExecutor) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
