/**
 * Multi-row INSERTs. SQLite gets VALUES lists split under its parameter limit; PostgreSQL gets
 * one column array per column through unnest(), so the statement text is the same for every
 * batch size and is prepared once per connection.
 */
import type { SqlDialect, SqlExecutor, SqlRow, SqlScalar } from './driver.ts';
import { arrayType } from './schema.ts';

export async function insertRows(
  sql: SqlExecutor,
  dialect: SqlDialect,
  table: string,
  columns: readonly string[],
  rows: readonly SqlScalar[][],
  /** Appended to the statement, e.g. "ON CONFLICT (id) DO NOTHING RETURNING id". */
  suffix: string,
): Promise<SqlRow[]> {
  if (rows.length === 0) return [];
  const head = `INSERT INTO ${table} (${columns.join(', ')})`;
  if (dialect.name === 'postgres') {
    const arrays = columns.map((_, index) => rows.map((row) => row[index] ?? null));
    const casts = columns.map((column) => `?::${arrayType(column)}[]`).join(', ');
    return sql.all(`${head} SELECT * FROM unnest(${casts}) ${suffix}`, arrays);
  }
  const returned: SqlRow[] = [];
  const rowsPerStatement = Math.max(1, Math.floor(dialect.maxParameters / columns.length));
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  for (let start = 0; start < rows.length; start += rowsPerStatement) {
    const chunk = rows.slice(start, start + rowsPerStatement);
    returned.push(...(await sql.all(`${head} VALUES ${chunk.map(() => tuple).join(', ')} ${suffix}`, chunk.flat())));
  }
  return returned;
}
