/**
 * One batch, one transaction: requests, attempts, daily rollups and task rollups together.
 * Requests already stored are skipped, and only newly stored ones reach the rollups, so
 * retrying a batch whose commit was in doubt never counts anything twice.
 */
import { decideSuccess } from '../decide-success.ts';
import type { LedgerEntry } from '../records.ts';
import { dailyDeltas, taskDeltas, type StoredRequest } from '../rollup-delta.ts';
import type { WriteResult } from '../store.ts';
import type { SqlDialect, SqlDriver, SqlExecutor } from './driver.ts';
import { insertRows } from './insert-rows.ts';
import { latestOutcomes } from './latest-outcomes.ts';
import { ATTEMPT_COLUMNS, attemptValues, REQUEST_COLUMNS, requestValues } from './rows.ts';
import { TOKEN_COLUMN_NAMES } from './schema.ts';

const ROLLUP_KEY_COLUMNS = ['day', 'provider', 'model', 'feature', 'user_id', 'customer', 'route'];
const ROLLUP_VALUE_COLUMNS = [
  'requests', 'successes', 'failures', 'attempts', 'incomplete_cost_requests', ...TOKEN_COLUMN_NAMES, 'cost_pico',
  'baseline_cost_pico',
];
const TASK_VALUE_COLUMNS = ['requests', 'cost_pico', 'baseline_cost_pico'];

const addOnConflict = (table: string, columns: readonly string[]) =>
  columns.map((column) => `${column} = ${table}.${column} + excluded.${column}`).join(', ');

export async function writeBatch(driver: SqlDriver, entries: readonly LedgerEntry[]): Promise<WriteResult> {
  const unique = new Map<string, LedgerEntry>();
  for (const entry of entries) if (!unique.has(entry.request.id)) unique.set(entry.request.id, entry);
  if (unique.size === 0) return { inserted: 0, skipped: entries.length };
  return driver.transaction('write', async (sql) => {
    const outcomes = await latestOutcomes(
      sql,
      driver.dialect,
      [...unique.keys()],
      [...unique.values()].flatMap(({ request }) => (request.attribution.task === null ? [] : [request.attribution.task])),
    );
    const stored = new Map<string, StoredRequest>();
    const rows = [...unique.values()].map(({ request, attempts }) => {
      const decision = decideSuccess(
        request,
        outcomes.requests.get(request.id)?.success,
        request.attribution.task === null ? undefined : outcomes.tasks.get(request.attribution.task)?.success,
      );
      stored.set(request.id, { request, attemptCount: attempts.length, success: decision.success });
      return requestValues(request, attempts.length, decision.success, decision.source);
    });
    const insertedIds = await insertRows(
      sql, driver.dialect, 'ledger_requests', REQUEST_COLUMNS, rows, 'ON CONFLICT (id) DO NOTHING RETURNING id',
    );
    const inserted = insertedIds.map((row) => stored.get(String(row.id)) as StoredRequest);
    const attemptRows = inserted.flatMap(({ request }) => (unique.get(request.id) as LedgerEntry).attempts.map(attemptValues));
    await insertRows(sql, driver.dialect, 'ledger_attempts', ATTEMPT_COLUMNS, attemptRows, 'ON CONFLICT (id) DO NOTHING');
    await upsertDailyRollups(sql, driver.dialect, inserted);
    await upsertTasks(sql, driver.dialect, inserted, outcomes.tasks);
    return { inserted: inserted.length, skipped: entries.length - inserted.length };
  });
}

async function upsertDailyRollups(sql: SqlExecutor, dialect: SqlDialect, inserted: StoredRequest[]): Promise<void> {
  const rows = dailyDeltas(inserted).map(({ key, values }) => [
    key.day, key.provider, key.model, key.feature, key.user, key.customer, key.route,
    values.requests, values.successes, values.failures, values.attempts, values.incompleteCostRequests,
    values.tokens.input, values.tokens.cacheRead, values.tokens.cacheWrite5m, values.tokens.cacheWrite1h,
    values.tokens.output, values.tokens.reasoning, values.costPicoUsd, values.baselineCostPicoUsd,
  ]);
  await insertRows(sql, dialect, 'ledger_daily_rollups', [...ROLLUP_KEY_COLUMNS, ...ROLLUP_VALUE_COLUMNS], rows,
    `ON CONFLICT (${ROLLUP_KEY_COLUMNS.join(', ')}) DO UPDATE SET ${addOnConflict('ledger_daily_rollups', ROLLUP_VALUE_COLUMNS)}`,
  );
}

async function upsertTasks(
  sql: SqlExecutor,
  dialect: SqlDialect,
  inserted: StoredRequest[],
  taskOutcomes: Map<string, { success: boolean }>,
): Promise<void> {
  const rows = taskDeltas(inserted).map((delta) => {
    const outcome = taskOutcomes.get(delta.taskId);
    return [
      delta.taskId, delta.firstDay, delta.requests, delta.costPicoUsd, delta.baselineCostPicoUsd,
      outcome === undefined ? null : outcome.success ? 1 : 0,
    ];
  });
  await insertRows(sql, dialect, 'ledger_tasks', ['task_id', 'first_day', ...TASK_VALUE_COLUMNS, 'success'], rows,
    'ON CONFLICT (task_id) DO UPDATE SET ' +
      `first_day = ${dialect.least}(ledger_tasks.first_day, excluded.first_day), ` +
      addOnConflict('ledger_tasks', TASK_VALUE_COLUMNS),
  );
}
