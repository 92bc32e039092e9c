import { checkCatalog, type Finding } from '../../catalog/check.ts';
import { loadCatalog, loadCatalogFile } from '../../catalog/load.ts';
import type { BucketPrices, CatalogEntry, CatalogFile } from '../../catalog/types.ts';
import { FrugalError } from '../../errors/frugal-error.ts';
import type { CliIO, Command } from '../command.ts';
import { parseOptions } from '../parse-options.ts';

const USAGE = `frugal prices [QUERY...] [--provider P] [--at ISO_DATE] [--json] [--catalog FILE]
       frugal prices --check [FILE] [--provider P] [--json] [--catalog FILE]

  QUERY       keep models whose "provider/model" or alias contains every QUERY word (any case)
  --provider  only this provider route (openai, anthropic, gemini, deepseek, openrouter, together, fireworks, groq, ...)
  --at        show the prices in force at this date (default: now)
  --json      print the catalog entries (or the findings) as JSON
  --catalog   a catalog file (CatalogFile JSON) whose entries add to or replace the shipped ones
  --check     validate the shipped catalog, or FILE, and list suspicious prices; exit status 1 on any error finding`;

const OPTIONS = {
  provider: { type: 'string' },
  at: { type: 'string' },
  json: { type: 'boolean' },
  catalog: { type: 'string' },
  check: { type: 'boolean' },
} as const;

const COLUMNS = [
  'model', 'provider', 'context', 'input', 'cache read', 'write 5m', 'write 1h', 'output', 'reasoning',
  'batch in', 'batch out', 'flex in', 'flex out', 'priority in', 'priority out',
];

function matches(entry: CatalogEntry, words: string[]): boolean {
  const names = [`${entry.provider}/${entry.model}`, ...(entry.aliases ?? [])].map((name) => name.toLowerCase());
  return words.every((word) => names.some((name) => name.includes(word.toLowerCase())));
}

function row(entry: CatalogEntry): string[] {
  const { live, batch, flex, priority } = entry.prices;
  const price = (prices: BucketPrices | undefined, bucket: keyof BucketPrices) => prices?.[bucket] ?? '-';
  return [
    entry.model,
    entry.provider,
    entry.contextWindow === undefined ? '-' : entry.contextWindow.toLocaleString('en-US'),
    price(live, 'input'),
    price(live, 'cacheRead'),
    price(live, 'cacheWrite5m'),
    price(live, 'cacheWrite1h'),
    price(live, 'output'),
    price(live, 'reasoning'),
    price(batch, 'input'),
    price(batch, 'output'),
    price(flex, 'input'),
    price(flex, 'output'),
    price(priority, 'input'),
    price(priority, 'output'),
  ];
}

function table(rows: string[][]): string {
  const widths = COLUMNS.map((column, index) => Math.max(column.length, ...rows.map((cells) => cells[index]!.length)));
  // Names left-aligned, numbers right-aligned.
  const format = (cells: string[]) =>
    cells.map((cell, index) => (index < 2 ? cell.padEnd(widths[index]!) : cell.padStart(widths[index]!))).join('  ').trimEnd();
  return [format(COLUMNS), ...rows.map(format)].join('\n');
}

function readCatalogText(text: string, path: string): CatalogFile {
  try {
    return JSON.parse(text) as CatalogFile;
  } catch (error) {
    throw new FrugalError('FRUGAL_INVALID_CATALOG', `catalog ${path} is not valid JSON: ${(error as Error).message}`, { path });
  }
}

function formatFindings(findings: Finding[], subject: string): string {
  const errors = findings.filter((finding) => finding.severity === 'error').length;
  const lines = findings.map((finding) =>
    `${finding.severity.padEnd(7)} ${finding.provider}/${finding.model}  ${finding.rule}: ${finding.message}`,
  );
  lines.push(`${errors} error(s), ${findings.length - errors} warning(s) in ${subject}`);
  return lines.join('\n');
}

async function check(file: string | undefined, catalogFile: string | undefined, provider: string | undefined, json: boolean, io: CliIO): Promise<number> {
  const catalog = file === undefined
    ? await loadCatalogFile({ extraCatalogs: catalogFile === undefined ? [] : [catalogFile] })
    : readCatalogText(await io.readFile(file), file);
  const findings = checkCatalog(catalog).filter(
    (finding) => provider === undefined || finding.provider.toLowerCase() === provider.toLowerCase(),
  );
  const entries = Array.isArray(catalog.entries) ? catalog.entries.length : 0;
  const subject = `${file ?? 'the catalog'} (version ${String(catalog.version)}, ${entries} entries)`;
  io.stdout(json ? JSON.stringify(findings, null, 2) : formatFindings(findings, subject));
  return findings.some((finding) => finding.severity === 'error') ? 1 : 0;
}

const command: Command = {
  summary: 'List model prices from the catalog, or check a catalog for suspicious prices.',
  usage: USAGE,
  async run(argv, io) {
    const { values, positionals } = parseOptions(argv, OPTIONS, USAGE);
    if (values.check === true) {
      if (positionals.length > 1) throw new FrugalError('FRUGAL_INVALID_ARGUMENT', `--check takes at most one FILE, got ${positionals.join(' ')}\nusage: ${USAGE}`);
      return check(positionals[0], values.catalog, values.provider, values.json === true, io);
    }
    const catalog = await loadCatalog({ extraCatalogs: values.catalog === undefined ? [] : [values.catalog] });
    const provider = values.provider?.toLowerCase();
    const entries = catalog
      .entries({ at: values.at })
      .filter((entry) => (provider === undefined || entry.provider.toLowerCase() === provider) && matches(entry, positionals))
      .sort((left, right) => left.provider.localeCompare(right.provider) || left.model.localeCompare(right.model));
    if (values.json === true) {
      io.stdout(JSON.stringify(entries, null, 2));
      return 0;
    }
    if (entries.length === 0) {
      const query = [...positionals, ...(provider === undefined ? [] : [`--provider ${provider}`])].join(' ');
      io.stdout(`no model in catalog ${catalog.version} matches ${query}`);
      return 0;
    }
    io.stdout(`${table(entries.map(row))}\n\nUSD per million tokens ("-": no price); catalog ${catalog.version}; ${entries.length} model(s)`);
    return 0;
  },
};

export default command;
