/** Analytics served from the rollup tables only: grouped usage and the task summary. */
import { FrugalError } from '../../errors/frugal-error.ts';
import { perUnitPico, picoToUsd, requireSafeInteger } from '../money.ts';
import { USAGE_GROUPS, type DayRange, type TaskSummary, type UsageQuery, type UsageRow } from '../store.ts';
import type { SqlExecutor, SqlRow, SqlValue } from './driver.ts';

const GROUP_COLUMNS: Record<UsageQuery['groupBy'], string> = {
  model: 'model', provider: 'provider', feature: 'feature', user: 'user_id',
  customer: 'customer', route: 'route', day: 'day',
};

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function dayFilter(range: DayRange, column: string): { where: string; parameters: SqlValue[] } {
  const clauses: string[] = [];
  const parameters: SqlValue[] = [];
  for (const [name, operator] of [['from', '>='], ['to', '<=']] as const) {
    const value = range[name];
    if (value === undefined) continue;
    if (typeof value !== 'string' || !DAY.test(value) || Number.isNaN(Date.parse(value))) {
      throw new FrugalError('FRUGAL_INVALID_ARGUMENT', `${name} is ${JSON.stringify(value)}; expected a day as YYYY-MM-DD`, {
        field: name,
      });
    }
    clauses.push(`${column} ${operator} ?`);
    parameters.push(value);
  }
  return { where: clauses.length === 0 ? '' : `WHERE ${clauses.join(' AND ')}`, parameters };
}

const count = (row: SqlRow, column: string) => requireSafeInteger(Number(row[column] ?? 0), column);
const money = (row: SqlRow, column: string) => BigInt((row[column] ?? 0) as bigint);

export async function usage(sql: SqlExecutor, query: UsageQuery): Promise<UsageRow[]> {
  if (!USAGE_GROUPS.includes(query.groupBy)) {
    throw new FrugalError('FRUGAL_INVALID_ARGUMENT', `groupBy is ${JSON.stringify(query.groupBy)}; expected one of ${USAGE_GROUPS.join(', ')}`, {
      field: 'groupBy',
    });
  }
  const column = GROUP_COLUMNS[query.groupBy];
  const filter = dayFilter(query, 'day');
  const sums = [
    'requests', 'successes', 'failures', 'attempts', 'incomplete_cost_requests', 'input_tokens', 'cache_read_tokens',
    'cache_write_5m_tokens', 'cache_write_1h_tokens', 'output_tokens', 'reasoning_tokens', 'cost_pico', 'baseline_cost_pico',
  ].map((name) => `SUM(${name}) AS ${name}`);
  const rows = await sql.all(
    `SELECT ${column} AS group_key, ${sums.join(', ')} FROM ledger_daily_rollups ${filter.where} GROUP BY ${column}`,
    filter.parameters,
  );
  const result = rows.map((row): UsageRow => {
    const costPicoUsd = money(row, 'cost_pico');
    const baselineCostPicoUsd = money(row, 'baseline_cost_pico');
    const successes = count(row, 'successes');
    const perSuccess = perUnitPico(costPicoUsd, successes);
    const key = String(row.group_key);
    return {
      key: key === '' ? null : key,
      requests: count(row, 'requests'),
      successes,
      failures: count(row, 'failures'),
      attempts: count(row, 'attempts'),
      incompleteCostRequests: count(row, 'incomplete_cost_requests'),
      tokens: {
        input: count(row, 'input_tokens'),
        cacheRead: count(row, 'cache_read_tokens'),
        cacheWrite5m: count(row, 'cache_write_5m_tokens'),
        cacheWrite1h: count(row, 'cache_write_1h_tokens'),
        output: count(row, 'output_tokens'),
        reasoning: count(row, 'reasoning_tokens'),
      },
      costPicoUsd,
      costUsd: picoToUsd(costPicoUsd),
      baselineCostPicoUsd,
      baselineCostUsd: picoToUsd(baselineCostPicoUsd),
      costPerSuccessPicoUsd: perSuccess,
      costPerSuccessUsd: perSuccess === null ? null : picoToUsd(perSuccess),
    };
  });
  return result.sort(query.groupBy === 'day' ? byKey : byCostThenKey);
}

const compareKeys = (a: string | null, b: string | null) => ((a ?? '') < (b ?? '') ? -1 : (a ?? '') > (b ?? '') ? 1 : 0);
const byKey = (a: UsageRow, b: UsageRow) => compareKeys(a.key, b.key);
const byCostThenKey = (a: UsageRow, b: UsageRow) =>
  b.costPicoUsd > a.costPicoUsd ? 1 : b.costPicoUsd < a.costPicoUsd ? -1 : compareKeys(a.key, b.key);

export async function taskSummary(sql: SqlExecutor, range: DayRange): Promise<TaskSummary> {
  const filter = dayFilter(range, 'first_day');
  const [row = {}] = await sql.all(
    'SELECT COUNT(*) AS tasks, ' +
      'SUM(CASE WHEN success = 1 THEN 1 ELSE 0 END) AS successful, ' +
      'SUM(CASE WHEN success = 0 THEN 1 ELSE 0 END) AS failed, ' +
      'SUM(cost_pico) AS cost_pico, ' +
      'SUM(CASE WHEN success IS NULL THEN 0 ELSE cost_pico END) AS decided_cost_pico ' +
      `FROM ledger_tasks ${filter.where}`,
    filter.parameters,
  );
  const tasks = count(row, 'tasks');
  const successful = count(row, 'successful');
  const failed = count(row, 'failed');
  const costPicoUsd = money(row, 'cost_pico');
  const perSuccess = perUnitPico(money(row, 'decided_cost_pico'), successful);
  return {
    tasks,
    successful,
    failed,
    withoutOutcome: tasks - successful - failed,
    costPicoUsd,
    costUsd: picoToUsd(costPicoUsd),
    costPerSuccessfulTaskPicoUsd: perSuccess,
    costPerSuccessfulTaskUsd: perSuccess === null ? null : picoToUsd(perSuccess),
  };
}
