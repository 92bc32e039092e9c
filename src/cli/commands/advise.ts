import { daysInclusive, utcDay, advise, type Advice, type Recommendation } from '../../analytics/advisor/index.ts';
import { loadShippedCatalog } from '../../catalog/load.ts';
import { FrugalError } from '../../errors/frugal-error.ts';
import { DEFAULT_SQLITE_PATH, withoutPassword } from '../../ledger/index.ts';
import type { CliIO, Command } from '../command.ts';
import { parseOptions } from '../parse-options.ts';
import { dollars } from '../format-dollars.ts';
import { LEDGER_OPTIONS, LEDGER_OPTIONS_USAGE, openLedgerForReading, readDayRange, readLedgerLocation } from '../ledger-options.ts';

const USAGE = `frugal advise [--config FILE | --sqlite PATH | --postgres URL] [--from DAY] [--to DAY] [--json]

${LEDGER_OPTIONS_USAGE}
  --from      first UTC day, YYYY-MM-DD (inclusive); --to: last UTC day (inclusive). Savings observed over
              these days (default: the first through the last day with requests) are scaled to 30 days
  --json      print {"recommendations": [...]}, as GET /v1/frugal/advice answers`;

const OPTIONS = { ...LEDGER_OPTIONS, json: { type: 'boolean' } } as const;

function describe(recommendation: Recommendation, rank: number): string[] {
  const { exampleRequestIds, ...counts } = recommendation.evidence;
  const countText = Object.entries(counts).map(([name, value]) => `${name} ${String(value)}`).join(', ');
  return [
    `${rank}. ${recommendation.title}: ${dollars(recommendation.projectedMonthlySavingsUsd)} a month`,
    `   evidence: ${countText}`,
    `   examples: ${exampleRequestIds.join(', ')}`,
    `   change:   ${recommendation.configChange}`,
    `   method:   ${recommendation.method}`,
  ];
}

interface Window {
  from: string;
  to: string;
  days: number;
}

function humanReport(location: string, window: Window | null, advice: Advice): string {
  if (window === null) return `No requests recorded in this range; ledger ${location}. Nothing to advise yet.`;
  const lines = [`Advice from ${window.from} to ${window.to} (${window.days} UTC day(s), projected to 30 days); ledger ${location}`, ''];
  if (advice.recommendations.length === 0) lines.push('No recommendations: none of the detectors found anything to change.');
  advice.recommendations.forEach((recommendation, index) => lines.push(...describe(recommendation, index + 1), ''));
  return lines.join('\n').trimEnd();
}

const command: Command = {
  summary: 'Recommend configuration changes from the ledger, ranked by projected monthly savings',
  usage: USAGE,
  async run(argv: string[], io: CliIO) {
    const { values, positionals } = parseOptions(argv, OPTIONS, USAGE);
    if (positionals.length > 0) throw new FrugalError('FRUGAL_INVALID_ARGUMENT', `unexpected argument "${positionals[0]}"\nusage: ${USAGE}`);
    const range = readDayRange(values);
    const storage = await readLedgerLocation(values);
    const store = await openLedgerForReading(storage);
    let requests;
    try {
      requests = await store.listRequests(range);
    } finally {
      await store.close();
    }
    const first = requests[0];
    const last = requests.at(-1);
    let window: Window | null = null;
    if (first !== undefined && last !== undefined) {
      const from = range.from ?? utcDay(first.startedAt);
      const to = range.to ?? utcDay(last.startedAt);
      window = { from, to, days: daysInclusive(from, to) };
    }
    const advice = advise(requests, { catalog: loadShippedCatalog(), windowDays: window?.days ?? 1 });
    if (values.json === true) {
      io.stdout(JSON.stringify(advice, null, 2));
    } else {
      const location = storage.backend === 'postgres' ? withoutPassword(storage.url) : storage.path ?? DEFAULT_SQLITE_PATH;
      io.stdout(humanReport(location, window, advice));
    }
    return 0;
  },
};

export default command;
