import { FrugalError } from '../../errors/frugal-error.ts';
import {
  perUnitPico, picoToUsd, USAGE_GROUPS, withoutPassword,
  type LedgerStoreConfig, type TaskSummary, type UsageGroup, type UsageQuery, type UsageRow,
} from '../../ledger/index.ts';
import { BUCKET_NAMES, type BucketName } from '../../usage/buckets.ts';
import type { CliIO, Command } from '../command.ts';
import { parseOptions } from '../parse-options.ts';
import { dollars } from '../format-dollars.ts';
import { LEDGER_OPTIONS, LEDGER_OPTIONS_USAGE, openLedgerForReading, readDayRange, readLedgerLocation } from '../ledger-options.ts';

const USAGE = `frugal report [--config FILE | --sqlite PATH | --postgres URL] [--group-by GROUP] [--from DAY] [--to DAY] [--json]

${LEDGER_OPTIONS_USAGE}
  --group-by  model (default), provider, feature, user, customer, route or day
  --from      first UTC day, YYYY-MM-DD (inclusive); --to: last UTC day (inclusive)
  --json      print what GET /v1/frugal/usage answers for the same query, instead of the table`;

const OPTIONS = { ...LEDGER_OPTIONS, 'group-by': { type: 'string' }, json: { type: 'boolean' } } as const;

type Values = ReturnType<typeof parseOptions<typeof OPTIONS>>['values'];

const BUCKET_TITLES: Record<BucketName, string> = {
  input: 'input', cacheRead: 'cache read', cacheWrite5m: 'cache write 5m', cacheWrite1h: 'cache write 1h',
  output: 'output', reasoning: 'reasoning',
};

function readQuery(values: Values): UsageQuery {
  const groupBy = values['group-by'] ?? 'model';
  if (!(USAGE_GROUPS as readonly string[]).includes(groupBy)) {
    throw new FrugalError('FRUGAL_INVALID_ARGUMENT', `--group-by must be one of ${USAGE_GROUPS.join(', ')}, got "${groupBy}"`);
  }
  return { groupBy: groupBy as UsageGroup, ...readDayRange(values) };
}

const count = (value: number) => value.toLocaleString('en-US');

/** Digits after the decimal point, with the point: dollar amounts in a column line up on it. */
const fractionWidth = (cell: string) => (cell.startsWith('$') && cell.includes('.') ? cell.length - cell.indexOf('.') : 0);

/** Columns aligned: the first to the left, figures to the right, dollar amounts on their decimal point. */
function table(header: string[], rows: string[][]): string[] {
  const fractions = header.map((_, column) => Math.max(...rows.map((row) => fractionWidth(row[column]!))));
  const cells = rows.map((row) =>
    row.map((cell, column) => (cell.startsWith('$') ? cell.padEnd(cell.length + fractions[column]! - fractionWidth(cell)) : cell)));
  const widths = header.map((title, column) => Math.max(title.length, ...cells.map((row) => row[column]!.length)));
  const line = (row: string[]) =>
    row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ').trimEnd();
  return [line(header), ...cells.map(line)];
}

function usageTable(query: UsageQuery, rows: UsageRow[]): string[] {
  const buckets = BUCKET_NAMES.filter((bucket) => rows.some((row) => row.tokens[bucket] > 0));
  const line = (key: string, requests: number, successes: number, costUsd: string, perSuccessUsd: string | null, tokens: (bucket: BucketName) => number) => [
    key, count(requests), count(successes), dollars(costUsd), perSuccessUsd === null ? '-' : dollars(perSuccessUsd),
    ...buckets.map((bucket) => count(tokens(bucket))),
  ];
  const body = rows.map((row) =>
    line(row.key ?? `(no ${query.groupBy})`, row.requests, row.successes, row.costUsd, row.costPerSuccessUsd, (bucket) => row.tokens[bucket]));
  if (rows.length > 1) {
    const sum = (value: (row: UsageRow) => number) => rows.reduce((total, row) => total + value(row), 0);
    const cost = rows.reduce((total, row) => total + row.costPicoUsd, 0n);
    const successes = sum((row) => row.successes);
    const perSuccess = perUnitPico(cost, successes);
    body.push(line('total', sum((row) => row.requests), successes, picoToUsd(cost), perSuccess === null ? null : picoToUsd(perSuccess),
      (bucket) => sum((row) => row.tokens[bucket])));
  }
  const header = [query.groupBy, 'requests', 'successes', 'spend', 'per success', ...buckets.map((bucket) => `${BUCKET_TITLES[bucket]} tokens`)];
  return table(header, body);
}

function taskLines(summary: TaskSummary): string[] {
  if (summary.tasks === 0) return ['Tasks: none started in this range (requests join a task with the x-frugal-task header).'];
  const perTask = summary.costPerSuccessfulTaskUsd === null ? '- (no task has succeeded yet)' : dollars(summary.costPerSuccessfulTaskUsd);
  return [
    `Tasks: ${count(summary.tasks)} started, ${count(summary.successful)} successful, ${count(summary.failed)} failed, ` +
      `${count(summary.withoutOutcome)} without an outcome; spend ${dollars(summary.costUsd)}`,
    `Cost per successful task: ${perTask} (spend of the tasks with an outcome / successful tasks)`,
  ];
}

function describeRange(query: UsageQuery): string {
  if (query.from !== undefined && query.to !== undefined) return `${query.from} to ${query.to} (UTC days)`;
  if (query.from !== undefined) return `from ${query.from} (UTC)`;
  if (query.to !== undefined) return `up to ${query.to} (UTC)`;
  return 'all days';
}

function report(storage: LedgerStoreConfig, query: UsageQuery, rows: UsageRow[], summary: TaskSummary): string {
  const location = storage.backend === 'postgres' ? withoutPassword(storage.url) : storage.path;
  const lines = [`Spend by ${query.groupBy}, ${describeRange(query)}; ledger ${location}`, ''];
  if (rows.length === 0) lines.push('No requests recorded in this range.');
  else lines.push(...usageTable(query, rows));
  const incomplete = rows.reduce((total, row) => total + row.incompleteCostRequests, 0);
  if (incomplete > 0) {
    lines.push('', `${count(incomplete)} of these requests used something without a price: their spend counts only the priced part.`);
  }
  lines.push('', ...taskLines(summary));
  return lines.join('\n');
}

/** Money sums are bigints: printed as decimal strings, as the gateway's usage API sends them. */
const bigintAsString = (_key: string, value: unknown) => (typeof value === 'bigint' ? value.toString() : value);

const command: Command = {
  summary: 'Print spend, tokens, successes and cost per success from the ledger, grouped by model, feature, customer, day, ...',
  usage: USAGE,
  async run(argv: string[], io: CliIO) {
    const { values, positionals } = parseOptions(argv, OPTIONS, USAGE);
    if (positionals.length > 0) throw new FrugalError('FRUGAL_INVALID_ARGUMENT', `unexpected argument "${positionals[0]}"\nusage: ${USAGE}`);
    const query = readQuery(values);
    const storage = await readLedgerLocation(values);
    const store = await openLedgerForReading(storage);
    try {
      const rows = await store.usage(query);
      if (values.json === true) {
        io.stdout(JSON.stringify({ groupBy: query.groupBy, from: query.from ?? null, to: query.to ?? null, rows }, bigintAsString, 2));
      } else {
        io.stdout(report(storage, query, rows, await store.taskSummary(query)));
      }
    } finally {
      await store.close();
    }
    return 0;
  },
};

export default command;
