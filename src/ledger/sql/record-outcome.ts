/**
 * Stores an outcome and re-decides the success of the stored requests it speaks for, moving
 * their counts between successes and failures in the daily rollups. Requests stored later
 * pick the outcome up when their batch is written (write-batch.ts).
 */
import { keyText, rollupKey, type RollupKey } from '../rollup-delta.ts';
import type { OutcomeRecord } from '../records.ts';
import type { OutcomeResult } from '../store.ts';
import type { SqlDriver, SqlExecutor, SqlRow } from './driver.ts';
import { requestFrom } from './rows.ts';

export async function recordOutcome(driver: SqlDriver, outcome: OutcomeRecord): Promise<OutcomeResult> {
  return driver.transaction('exclusive', async (sql) => {
    const subjectKind = outcome.requestId === undefined ? 'task' : 'request';
    const subjectId = outcome.requestId ?? outcome.taskId;
    await sql.run(
      'INSERT INTO ledger_outcomes (subject_kind, subject_id, success, score, note, source, recorded_at) ' +
        'VALUES (?, ?, ?, ?, ?, ?, ?)',
      [subjectKind, subjectId, outcome.success ? 1 : 0, outcome.score ?? null, outcome.note ?? null,
        outcome.source, outcome.recordedAt],
    );
    if (subjectKind === 'request') {
      const rows = await sql.all('SELECT * FROM ledger_requests WHERE id = ?', [subjectId]);
      await sql.run(
        "UPDATE ledger_requests SET success = ?, success_source = 'request' WHERE id = ?",
        [outcome.success ? 1 : 0, subjectId],
      );
      await moveRollupCounts(sql, rows, outcome.success);
      return { appliedTo: rows.length };
    }
    await sql.run('UPDATE ledger_tasks SET success = ? WHERE task_id = ?', [outcome.success ? 1 : 0, subjectId]);
    const rows = await sql.all(
      "SELECT * FROM ledger_requests WHERE task_id = ? AND success_source <> 'request'",
      [subjectId],
    );
    await sql.run(
      "UPDATE ledger_requests SET success = ?, success_source = 'task' WHERE task_id = ? AND success_source <> 'request'",
      [outcome.success ? 1 : 0, subjectId],
    );
    await moveRollupCounts(sql, rows, outcome.success);
    return { appliedTo: rows.length };
  });
}

/** Rows are the requests as they were before the update; those whose success flips move between counts. */
async function moveRollupCounts(sql: SqlExecutor, rows: SqlRow[], success: boolean): Promise<void> {
  const flag = success ? 1 : 0;
  const moves = new Map<string, { key: RollupKey; count: number }>();
  for (const row of rows) {
    if (Number(row.success) === flag) continue;
    const key = rollupKey(requestFrom(row));
    const text = keyText(key);
    const move = moves.get(text) ?? { key, count: 0 };
    move.count += 1;
    moves.set(text, move);
  }
  const direction = success ? 1 : -1;
  for (const { key, count } of [...moves.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, move]) => move)) {
    await sql.run(
      'UPDATE ledger_daily_rollups SET successes = successes + ?, failures = failures - ? ' +
        'WHERE day = ? AND provider = ? AND model = ? AND feature = ? AND user_id = ? AND customer = ? AND route = ?',
      [direction * count, direction * count, key.day, key.provider, key.model, key.feature, key.user, key.customer, key.route],
    );
  }
}
