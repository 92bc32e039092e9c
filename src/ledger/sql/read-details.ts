/** Reads of raw rows: one request, one task's requests with attempts and outcomes, or the requests of a day range. */
import { picoToUsd } from '../money.ts';
import type { AttemptRecord, RequestRecord } from '../records.ts';
import type { DayRange, RequestDetails, SuccessSource, TaskDetails } from '../store.ts';
import { dayFilter } from './aggregate-queries.ts';
import type { SqlDriver, SqlRow } from './driver.ts';
import { latestOutcomes } from './latest-outcomes.ts';
import { attemptFrom, requestFrom } from './rows.ts';

export async function readRequest(sql: SqlDriver, id: string): Promise<RequestDetails | null> {
  const rows = await sql.all('SELECT * FROM ledger_requests WHERE id = ?', [id]);
  if (rows.length === 0) return null;
  const attempts = await sql.all('SELECT * FROM ledger_attempts WHERE request_id = ? ORDER BY attempt_index, id', [id]);
  const outcomes = await latestOutcomes(sql, sql.dialect, [id], []);
  return details(rows[0] as SqlRow, attempts.map(attemptFrom), outcomes.requests);
}

export async function readTask(sql: SqlDriver, taskId: string): Promise<TaskDetails | null> {
  const rows = await sql.all('SELECT * FROM ledger_requests WHERE task_id = ? ORDER BY started_at, id', [taskId]);
  if (rows.length === 0) return null;
  const attemptRows = await sql.all(
    'SELECT a.* FROM ledger_attempts a JOIN ledger_requests r ON r.id = a.request_id ' +
      'WHERE r.task_id = ? ORDER BY a.request_id, a.attempt_index, a.id',
    [taskId],
  );
  const attemptsByRequest = new Map<string, AttemptRecord[]>();
  for (const attempt of attemptRows.map(attemptFrom)) {
    const list = attemptsByRequest.get(attempt.requestId) ?? [];
    list.push(attempt);
    attemptsByRequest.set(attempt.requestId, list);
  }
  const outcomes = await latestOutcomes(sql, sql.dialect, rows.map((row) => String(row.id)), [taskId]);
  const requests = rows.map((row) => details(row, attemptsByRequest.get(String(row.id)) ?? [], outcomes.requests));
  let costPicoUsd = 0n;
  let baselineCostPicoUsd = 0n;
  for (const { request } of requests) {
    costPicoUsd += BigInt(request.cost.totalPicoUsd);
    baselineCostPicoUsd += BigInt(request.baselineCostPicoUsd ?? 0);
  }
  const outcome = outcomes.tasks.get(taskId) ?? null;
  const perSuccess = outcome?.success === true ? costPicoUsd : null;
  return {
    taskId,
    requests,
    costPicoUsd,
    costUsd: picoToUsd(costPicoUsd),
    baselineCostPicoUsd,
    outcome,
    costPerSuccessfulTaskPicoUsd: perSuccess,
    costPerSuccessfulTaskUsd: perSuccess === null ? null : picoToUsd(perSuccess),
  };
}

function details(row: SqlRow, attempts: AttemptRecord[], outcomes: Map<string, RequestDetails['outcome'] & {}>): RequestDetails {
  const request = requestFrom(row);
  return {
    request,
    attempts,
    success: Number(row.success) === 1,
    successSource: String(row.success_source) as SuccessSource,
    outcome: outcomes.get(request.id) ?? null,
  };
}

export async function listRequests(sql: SqlDriver, range: DayRange): Promise<RequestRecord[]> {
  const { where, parameters } = dayFilter(range, 'day');
  const rows = await sql.all(`SELECT * FROM ledger_requests ${where} ORDER BY started_at, id`, parameters);
  return rows.map(requestFrom);
}
