/** The newest outcome recorded for each of some requests and tasks (later outcomes replace earlier ones). */
import type { OutcomeRecord } from '../records.ts';
import type { SqlDialect, SqlExecutor, SqlValue } from './driver.ts';
import { outcomeFrom } from './rows.ts';

const IDS_PER_SQLITE_STATEMENT = 500;

export interface LatestOutcomes {
  requests: Map<string, OutcomeRecord>;
  tasks: Map<string, OutcomeRecord>;
}

export async function latestOutcomes(
  sql: SqlExecutor, dialect: SqlDialect, requestIds: readonly string[], taskIds: readonly string[],
): Promise<LatestOutcomes> {
  return {
    requests: await latestFor(sql, dialect, 'request', requestIds),
    tasks: await latestFor(sql, dialect, 'task', [...new Set(taskIds)]),
  };
}

async function latestFor(sql: SqlExecutor, dialect: SqlDialect, kind: 'request' | 'task', ids: readonly string[]) {
  const latest = new Map<string, OutcomeRecord>();
  // PostgreSQL takes the ids as one array, so the statement text never changes; SQLite lists them.
  const chunkSize = dialect.name === 'postgres' ? ids.length : IDS_PER_SQLITE_STATEMENT;
  for (let start = 0; start < ids.length; start += chunkSize) {
    const chunk = ids.slice(start, start + chunkSize);
    const [match, parameters]: [string, SqlValue[]] = dialect.name === 'postgres'
      ? ['= ANY(?::text[])', [chunk]]
      : [`IN (${chunk.map(() => '?').join(', ')})`, chunk];
    const rows = await sql.all(
      `SELECT * FROM ledger_outcomes WHERE subject_kind = ? AND subject_id ${match} ORDER BY sequence`,
      [kind, ...parameters],
    );
    for (const row of rows) latest.set(String(row.subject_id), outcomeFrom(row));
  }
  return latest;
}
