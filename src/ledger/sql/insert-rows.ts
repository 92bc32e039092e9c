/** Multi-row INSERTs, split so no statement exceeds the dialect's parameter limit. */
import type { SqlDialect, SqlExecutor, SqlValue } from './driver.ts';

export interface InsertOptions {
  /** Appended after VALUES, e.g. "ON CONFLICT (id) DO NOTHING RETURNING id". */
  suffix: string;
}

export async function insertRows(
  sql: SqlExecutor,
  dialect: SqlDialect,
  table: string,
  columns: readonly string[],
  rows: readonly SqlValue[][],
  options: InsertOptions,
): Promise<Record<string, unknown>[]> {
  const returned: Record<string, unknown>[] = [];
  const rowsPerStatement = Math.max(1, Math.floor(dialect.maxParameters / columns.length));
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  for (let start = 0; start < rows.length; start += rowsPerStatement) {
    const chunk = rows.slice(start, start + rowsPerStatement);
    const statement =
      `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${chunk.map(() => tuple).join(', ')} ${options.suffix}`;
    returned.push(...(await sql.all(statement, chunk.flat())));
  }
  return returned;
}
