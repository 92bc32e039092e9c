import type { CliIO, Command } from '../command.ts';
import { parseOptions } from '../parse-options.ts';
import { FrugalError } from '../../errors/frugal-error.ts';
import { loadCatalog, loadShippedCatalog } from '../../catalog/load.ts';
import { PRICING_MODES, type CatalogEntry, type PricingMode } from '../../catalog/types.ts';
import { USAGE_FORMATS, type NormalizedUsage, type UsageFormat } from '../../usage/buckets.ts';
import { isUsageFormat, normalizeUsage } from '../../usage/normalize-usage.ts';
import { formatUsd } from '../../cost/money.ts';
import { priceUsage, type Cost, type CostLine } from '../../cost/price-usage.ts';
import { modeFromServiceTier } from '../../cost/service-tier.ts';

const USAGE = `frugal cost --model M [--provider P] --usage JSON|@FILE [--usage-format ${USAGE_FORMATS.join('|')}]
                   [--mode ${PRICING_MODES.join('|')}] [--region R] [--at ISO_DATE] [--catalog FILE] [--json]

  --usage         a provider's native usage object, a whole response body holding one, or
                  Frugal's buckets ({"input":…,"cacheRead":…,"output":…}); @FILE reads it from a file
  --usage-format  how to read --usage (default: detected from its fields)
  --mode          pricing mode (default: from the service tier the usage reports, else live)
  --region        regional processing; the model's uplift multiplier applies to every line
  --at            price with the catalog entry in force at this date (default: now)
  --catalog       a catalog file (CatalogFile JSON) whose entries add to or replace the shipped ones

exit status: 0 priced; 1 priced only in part (a bucket or fee has no price: it is listed, and the
total covers the priced lines only); 2 bad input (unknown model, malformed usage, bad option).`;

const OPTIONS = {
  model: { type: 'string' },
  provider: { type: 'string' },
  usage: { type: 'string' },
  'usage-format': { type: 'string' },
  mode: { type: 'string' },
  region: { type: 'string' },
  at: { type: 'string' },
  catalog: { type: 'string' },
  json: { type: 'boolean' },
} as const;

const SYNOPSIS = USAGE.slice(0, USAGE.indexOf('\n\n'));

function invalid(message: string): FrugalError {
  return new FrugalError('FRUGAL_INVALID_ARGUMENT', `${message}\nusage: ${SYNOPSIS}`);
}

function parseMode(value: string | undefined): PricingMode | undefined {
  if (value === undefined) return undefined;
  if ((PRICING_MODES as readonly string[]).includes(value)) return value as PricingMode;
  throw invalid(`unknown --mode "${value}"; expected one of ${PRICING_MODES.join(', ')}`);
}

function parseFormat(value: string | undefined): UsageFormat | undefined {
  if (value === undefined) return undefined;
  if (isUsageFormat(value)) return value;
  throw invalid(`unknown --usage-format "${value}"; expected one of ${USAGE_FORMATS.join(', ')}`);
}

function parseAt(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(value) || Number.isNaN(Date.parse(value))) {
    throw invalid(`--at "${value}" is not an ISO date (like 2026-07-24 or 2026-07-24T12:00:00Z)`);
  }
  return value;
}

async function readUsage(argument: string, io: CliIO): Promise<unknown> {
  const fromFile = argument.startsWith('@');
  const text = fromFile ? await io.readFile(argument.slice(1)) : argument;
  const source = fromFile ? argument.slice(1) : '--usage';
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new FrugalError('FRUGAL_INVALID_USAGE', `${source} is not valid JSON: ${(error as Error).message}`, { source });
  }
}

function lineJson(line: CostLine) {
  return {
    bucket: line.bucket,
    tokens: line.tokens,
    usdPerMillion: line.usdPerMillion ?? null,
    ...(line.usdEach === undefined ? {} : { usdEach: line.usdEach }),
    usd: line.unpriced === true ? null : formatUsd(line.picoUsd),
    ...(line.unpriced === true ? { unpriced: true } : {}),
  };
}

function toJson(cost: Cost, usage: NormalizedUsage, entry: CatalogEntry) {
  return {
    model: cost.model,
    provider: cost.provider,
    mode: cost.mode,
    effectiveFrom: entry.effectiveFrom,
    usageFormat: usage.format,
    buckets: usage.buckets,
    lines: cost.lines.map(lineJson),
    totalUsd: cost.totalUsd,
    complete: cost.complete,
    unpriced: cost.unpriced,
    ...(cost.longContextTier === undefined ? {} : { longContextTier: cost.longContextTier }),
    ...(cost.region === undefined ? {} : { region: cost.region, regionMultiplier: cost.regionMultiplier }),
    catalogVersion: cost.catalogVersion,
  };
}

function table(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows.map((row) =>
    row
      .map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!)))
      .join('   ')
      .trimEnd(),
  );
}

function toText(cost: Cost, usage: NormalizedUsage, entry: CatalogEntry, region: string | undefined): string {
  const lines = [
    `${cost.model} (${cost.provider}), ${cost.mode} prices in force since ${entry.effectiveFrom}, catalog ${cost.catalogVersion}`,
    `usage read as ${usage.format}`,
    '',
  ];
  const rows = [['bucket', 'tokens', 'USD per M', 'USD']];
  for (const line of cost.lines) {
    const price = line.unpriced === true ? 'unpriced' : (line.usdPerMillion ?? `${line.usdEach} each`);
    rows.push([line.bucket, line.tokens.toLocaleString('en-US'), price, line.unpriced === true ? '-' : formatUsd(line.picoUsd)]);
  }
  rows.push(['total', '', '', cost.complete ? cost.totalUsd : `${cost.totalUsd} + unpriced`]);
  lines.push(...table(rows));
  if (cost.longContextTier !== undefined) {
    const threshold = cost.longContextTier.toLocaleString('en-US');
    lines.push('', `long context: the prompt is above ${threshold} tokens, so the whole request is at that tier's prices`);
  }
  if (cost.region !== undefined) lines.push('', `region ${cost.region}: every line × ${cost.regionMultiplier}`);
  else if (region !== undefined) lines.push('', `region ${region}: the catalog lists no uplift for this model`);
  if (!cost.complete) {
    const missing = cost.unpriced.join(', ');
    lines.push('', `incomplete: the catalog has no ${cost.mode} price for ${missing}; the total covers the priced lines only`);
  }
  return lines.join('\n');
}

const command: Command = {
  summary: 'Price one call exactly from its usage object (any provider format), itemized by bucket.',
  usage: USAGE,
  async run(argv, io) {
    const { values, positionals } = parseOptions(argv, OPTIONS, USAGE);
    if (positionals.length > 0) throw invalid(`unexpected argument "${positionals[0]}"`);
    if (values.model === undefined || values.model === '') throw invalid('--model is required');
    if (values.usage === undefined) throw invalid('--usage is required (a JSON usage object or @FILE)');
    const format = parseFormat(values['usage-format']);
    const requestedMode = parseMode(values.mode);
    const at = parseAt(values.at);

    const usage = normalizeUsage(await readUsage(values.usage, io), format);
    const catalog = values.catalog === undefined ? loadShippedCatalog() : await loadCatalog({ extraCatalogs: [values.catalog] });
    const entry = catalog.resolve(values.model, {
      ...(values.provider === undefined ? {} : { provider: values.provider }),
      ...(at === undefined ? {} : { at }),
    });
    const cost = priceUsage(entry, usage.buckets, {
      mode: requestedMode ?? modeFromServiceTier(usage.serviceTier),
      ...(values.region === undefined ? {} : { region: values.region }),
      ...(usage.toolCalls === undefined ? {} : { toolCalls: usage.toolCalls }),
      catalogVersion: catalog.version,
    });
    const json = values.json === true;
    io.stdout(json ? JSON.stringify(toJson(cost, usage, entry), null, 2) : toText(cost, usage, entry, values.region));
    return cost.complete ? 0 : 1;
  },
};

export default command;
