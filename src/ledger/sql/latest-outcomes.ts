/** The newest outcome recorded for each of some requests and tasks (later outcomes replace earlier ones). */
import type { OutcomeRecord } from '../records.ts';
import type { SqlExecutor } from './driver.ts';
import { outcomeFrom } from './rows.ts';

const IDS_PER_STATEMENT = 500;

export interface LatestOutcomes {
  requests: Map<string, OutcomeRecord>;
  tasks: Map<string, OutcomeRecord>;
}

export async function latestOutcomes(
  sql: SqlExecutor, requestIds: readonly string[], taskIds: readonly string[],
): Promise<LatestOutcomes> {
  return {
    requests: await latestFor(sql, 'request', requestIds),
    tasks: await latestFor(sql, 'task', [...new Set(taskIds)]),
  };
}

async function latestFor(sql: SqlExecutor, kind: 'request' | 'task', ids: readonly string[]) {
  const latest = new Map<string, OutcomeRecord>();
  for (let start = 0; start < ids.length; start += IDS_PER_STATEMENT) {
    const chunk = ids.slice(start, start + IDS_PER_STATEMENT);
    const rows = await sql.all(
      `SELECT * FROM ledger_outcomes WHERE subject_kind = ? AND subject_id IN (${chunk.map(() => '?').join(', ')}) ` +
        'ORDER BY sequence',
      [kind, ...chunk],
    );
    for (const row of rows) latest.set(String(row.subject_id), outcomeFrom(row));
  }
  return latest;
}
