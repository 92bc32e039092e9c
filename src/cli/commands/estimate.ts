import type { CliIO, Command } from '../command.ts';
import { parseCount, parseOptions } from '../parse-options.ts';
import { FrugalError } from '../../errors/frugal-error.ts';
import type { Catalog } from '../../catalog/catalog.ts';
import { loadShippedCatalog } from '../../catalog/load.ts';
import type { CatalogEntry, PricingMode } from '../../catalog/types.ts';
import { cacheWriteBreakEven, type CacheBreakEven } from '../../cost/break-even.ts';
import { formatScaled } from '../../cost/money.ts';
import { priceUsage, type Cost } from '../../cost/price-usage.ts';
import { countRequestTokens, detectRequestProtocol, stablePrefixTokens, type RequestProtocol, type RequestTokenCount } from '../../tokens/index.ts';
import { emptyBuckets, type UsageBuckets } from '../../usage/buckets.ts';

const USAGE = `frugal estimate --request FILE [--models a,b,c] [--output-tokens N] [--json]

  --request        an OpenAI Chat Completions or Anthropic Messages request body (JSON)
  --models         models to compare (default: the request's model plus a spread of providers and tiers)
  --output-tokens  output tokens per call (default: the request's max tokens, capped at 400)
  --json           per-model figures as JSON, amounts as exact USD decimal strings`;

const OPTIONS = {
  request: { type: 'string' },
  models: { type: 'string' },
  'output-tokens': { type: 'string' },
  json: { type: 'boolean' },
} as const;

/** Compared when --models is absent: cheap and mid tiers of each major provider (those in the catalog). */
const DEFAULT_MODELS = ['gpt-5-mini', 'gpt-4.1-nano', 'claude-haiku-4-5', 'claude-sonnet-4-5', 'gemini-2.5-flash', 'deepseek-chat'];

/** A typical agent step's answer (the worked example in the seed articles uses 400). */
const DEFAULT_OUTPUT_TOKENS = 400;

const PROTOCOL_NAMES: Record<RequestProtocol, string> = {
  openai: 'OpenAI Chat Completions',
  anthropic: 'Anthropic Messages',
  gemini: 'Gemini generateContent',
};

interface OutputAssumption {
  tokens: number;
  source: 'option' | 'assumed';
  /** The request's own cap on output tokens, when it sets one. */
  requestMaximum?: number;
}

interface ModelEstimate {
  entry: CatalogEntry;
  isRequestModel: boolean;
  count: RequestTokenCount;
  prefixTokens: number;
  /** Why the prefix cannot be served from a prompt cache on this model; undefined when it can. */
  notCacheable?: string;
  live: Cost;
  liveCached?: Cost;
  batch?: Cost;
  batchCached?: Cost;
  /** The first call of a loop, writing the prefix to the cache (providers that charge for writes). */
  firstCallWrite?: Cost;
  breakEven?: CacheBreakEven;
}

function invalid(message: string): FrugalError {
  return new FrugalError('FRUGAL_INVALID_ARGUMENT', `${message}\nusage: ${USAGE.slice(0, USAGE.indexOf('\n\n'))}`);
}

async function readRequest(path: string, io: CliIO): Promise<unknown> {
  const text = await io.readFile(path);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new FrugalError('FRUGAL_INVALID_REQUEST', `${path} is not valid JSON: ${(error as Error).message}`, { path });
  }
}

function requestMaximumOutput(body: Record<string, unknown>): number | undefined {
  const generationConfig = body.generationConfig as Record<string, unknown> | undefined;
  const maximum = body.max_completion_tokens ?? body.max_tokens ?? generationConfig?.maxOutputTokens;
  return typeof maximum === 'number' && Number.isSafeInteger(maximum) && maximum > 0 ? maximum : undefined;
}

function outputAssumption(option: string | undefined, body: Record<string, unknown>): OutputAssumption {
  const requestMaximum = requestMaximumOutput(body);
  const base = requestMaximum === undefined ? {} : { requestMaximum };
  if (option !== undefined) return { tokens: parseCount(option, '--output-tokens'), source: 'option', ...base };
  return { tokens: Math.min(requestMaximum ?? DEFAULT_OUTPUT_TOKENS, DEFAULT_OUTPUT_TOKENS), source: 'assumed', ...base };
}

/** The models to compare, each resolved in the catalog; unknown names given by the user are an error. */
function chooseModels(catalog: Catalog, option: string | undefined, requestModel: string | undefined, notes: string[]): CatalogEntry[] {
  const chosen = new Map<string, CatalogEntry>();
  const add = (entry: CatalogEntry) => chosen.set(`${entry.provider}/${entry.model}`, entry);
  if (option !== undefined) {
    const names = option.split(',').map((name) => name.trim()).filter((name) => name.length > 0);
    if (names.length === 0) throw invalid('--models needs at least one model name');
    for (const name of names) add(catalog.resolve(name));
    return [...chosen.values()];
  }
  if (requestModel !== undefined) {
    const entry = catalog.find(requestModel);
    if (entry === undefined) {
      const closest = catalog.suggestions(requestModel, 3);
      notes.push(`The request's model "${requestModel}" is not in the catalog, so it is unpriced${closest.length === 0 ? '' : ` (closest: ${closest.join(', ')})`}.`);
    } else add(entry);
  }
  for (const name of DEFAULT_MODELS) {
    const entry = catalog.find(name);
    if (entry !== undefined) add(entry);
  }
  return [...chosen.values()];
}

function buckets(inputTokens: number, outputTokens: number, cached: Partial<UsageBuckets> = {}): UsageBuckets {
  const cachedTokens = (cached.cacheRead ?? 0) + (cached.cacheWrite5m ?? 0) + (cached.cacheWrite1h ?? 0);
  return { ...emptyBuckets(), ...cached, input: inputTokens - cachedTokens, output: outputTokens };
}

/** A mode's price only when the catalog prices every bucket the usage needs in it. */
function priced(entry: CatalogEntry, usage: UsageBuckets, mode: PricingMode, catalogVersion: string): Cost | undefined {
  if (mode !== 'live' && entry.prices[mode] === undefined) return undefined;
  const cost = priceUsage(entry, usage, { mode, catalogVersion });
  return cost.complete ? cost : undefined;
}

function lastBreakpointTtl(count: RequestTokenCount): '5m' | '1h' {
  let ttl: '5m' | '1h' = '5m';
  for (const block of count.blocks) if (block.cacheControl !== undefined) ttl = block.cacheControl.ttl;
  return ttl;
}

function estimateModel(
  entry: CatalogEntry,
  protocol: RequestProtocol,
  body: unknown,
  output: OutputAssumption,
  catalogVersion: string,
  isRequestModel: boolean,
): ModelEstimate {
  const count = countRequestTokens(protocol, body, entry.model);
  const prefixTokens = stablePrefixTokens(count.blocks);
  const uncached = buckets(count.total, output.tokens);
  const estimate: ModelEstimate = {
    entry,
    isRequestModel,
    count,
    prefixTokens,
    live: priceUsage(entry, uncached, { catalogVersion }),
  };
  const batch = priced(entry, uncached, 'batch', catalogVersion);
  if (batch !== undefined) estimate.batch = batch;
  const minimum = entry.promptCacheMinTokens ?? 0;
  if (!entry.capabilities.promptCaching) estimate.notCacheable = 'no prompt caching';
  else if (prefixTokens === 0) estimate.notCacheable = 'no stable prefix';
  else if (prefixTokens < minimum) estimate.notCacheable = `prefix below its ${minimum.toLocaleString('en-US')}-token cache minimum`;
  if (estimate.notCacheable !== undefined) return estimate;
  const cached = buckets(count.total, output.tokens, { cacheRead: prefixTokens });
  const liveCached = priced(entry, cached, 'live', catalogVersion);
  if (liveCached !== undefined) estimate.liveCached = liveCached;
  const batchCached = priced(entry, cached, 'batch', catalogVersion);
  if (batchCached !== undefined) estimate.batchCached = batchCached;
  const ttl = lastBreakpointTtl(count);
  const writeBucket = ttl === '5m' ? 'cacheWrite5m' : 'cacheWrite1h';
  if (entry.prices.live[writeBucket] !== undefined) {
    const firstCall = priced(entry, buckets(count.total, output.tokens, { [writeBucket]: prefixTokens }), 'live', catalogVersion);
    if (firstCall !== undefined) estimate.firstCallWrite = firstCall;
    const breakEven = cacheWriteBreakEven(entry, ttl);
    if (breakEven !== undefined) estimate.breakEven = breakEven;
  }
  return estimate;
}

/** Integer pico-USD (10^-12 USD) → USD rounded half up to `decimals` places, for reading (JSON keeps exact strings). */
function roundedUsd(pico: bigint, decimals: number): string {
  const unit = 10n ** BigInt(12 - decimals);
  const [whole, fraction = ''] = formatScaled((pico + unit / 2n) / unit, decimals).split('.');
  return `$${whole}.${fraction.padEnd(decimals, '0')}`;
}

/** Cost of 1,000 such calls (large enough to read at a glance); a dash when not fully priced. */
function perThousand(cost: Cost | undefined): string {
  return cost === undefined || !cost.complete ? '—' : roundedUsd(BigInt(cost.totalPicoUsd) * 1000n, 2);
}

function percent(part: number, whole: number): string {
  return `${Math.round((100 * part) / whole)}%`;
}

function table(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows.map((row) =>
    row
      .map((cell, column) => (column < 2 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!)))
      .join('  ')
      .trimEnd(),
  );
}

function describeInput(estimates: ModelEstimate[], protocol: RequestProtocol): string[] {
  const reference = estimates.find((estimate) => estimate.isRequestModel) ?? estimates[0]!;
  const { count, prefixTokens, entry } = reference;
  const sections = new Map<string, number>();
  for (const block of count.blocks) sections.set(block.section, (sections.get(block.section) ?? 0) + block.tokens);
  const how = count.exact
    ? `counted exactly for ${entry.model} (${count.encoding} and OpenAI's chat-format overheads)`
    : `estimated for ${entry.model} (${count.encoding} × a calibration factor; see docs/tokens.md for the measured error)`;
  const parts = [`tools ${(sections.get('tools') ?? 0).toLocaleString('en-US')}`, `system ${(sections.get('system') ?? 0).toLocaleString('en-US')}`];
  parts.push(`messages ${(sections.get('messages') ?? 0).toLocaleString('en-US')}`);
  return [
    `Input: ${count.total.toLocaleString('en-US')} tokens (${parts.join(', ')}), ${how}.`,
    `  Other models: exact for OpenAI models, estimated for the others (marked ~).`,
    `Stable prefix: ${prefixTokens.toLocaleString('en-US')} tokens (${percent(prefixTokens, count.total)} of the input): ${
      protocol === 'anthropic' && count.blocks.some((block) => block.cacheControl !== undefined)
        ? 'tools and system, through the last cache_control breakpoint'
        : 'tools and system messages'
    }, which a prompt cache serves from the second call of a loop on.`,
  ];
}

function describeOutput(output: OutputAssumption): string {
  if (output.source === 'option') return `Output: ${output.tokens.toLocaleString('en-US')} tokens per call (--output-tokens).`;
  const cap = output.requestMaximum === undefined ? '' : ` (the request allows up to ${output.requestMaximum.toLocaleString('en-US')})`;
  return `Output: ${output.tokens.toLocaleString('en-US')} tokens per call assumed, a typical agent step${cap}; set --output-tokens N to change it.`;
}

function cacheNotes(estimates: ModelEstimate[]): string[] {
  const notes: string[] = [];
  for (const estimate of estimates) {
    const { entry, firstCallWrite, breakEven, notCacheable } = estimate;
    if (notCacheable !== undefined) notes.push(`${entry.model}: no cached price (${notCacheable}).`);
    if (firstCallWrite === undefined || breakEven === undefined) continue;
    const premium = firstCallWrite.totalPicoUsd - estimate.live.totalPicoUsd;
    const reads = breakEven.minimumReads;
    notes.push(
      `${entry.model}: the first call writes the prefix at ${breakEven.writeRatio}× the input price (+${roundedUsd(BigInt(premium), 5)} once, ` +
        `${breakEven.ttl} cache); reads cost ${breakEven.readRatio}×, so it pays off ${reads === null ? 'never' : `after ${reads} read${reads === 1 ? '' : 's'}`}.`,
    );
  }
  const automatic = new Set(estimates.filter((estimate) => estimate.liveCached !== undefined && estimate.firstCallWrite === undefined).map((estimate) => estimate.entry.provider));
  if (automatic.size > 0) notes.push(`${[...automatic].join(', ')}: the prefix is cached automatically, with no write premium.`);
  return notes;
}

function humanReport({ path, protocol, requestModel: requestModelName, estimates, output, notes }: Report): string {
  const requestModel = estimates.find((estimate) => estimate.isRequestModel);
  const lines = [
    `Request ${path}: ${PROTOCOL_NAMES[protocol]}${requestModelName === undefined ? '' : `, model ${requestModelName}`}.`,
    ...describeInput(estimates, protocol),
    describeOutput(output),
    '',
    'Cost of 1,000 calls like this one, cheapest first (USD):',
  ];
  const rows = [['model', 'provider', 'input tokens', 'live', 'live, prefix cached', 'batch', 'batch, prefix cached']];
  for (const estimate of estimates) {
    rows.push([
      `${estimate.entry.model}${estimate.isRequestModel ? ' *' : ''}`,
      estimate.entry.provider,
      `${estimate.count.exact ? '' : '~'}${estimate.count.total.toLocaleString('en-US')}`,
      perThousand(estimate.live),
      perThousand(estimate.liveCached),
      perThousand(estimate.batch),
      perThousand(estimate.batchCached),
    ]);
  }
  lines.push(...table(rows).map((row) => `  ${row}`));
  const legend = ['~ estimated input tokens', 'batch: the provider\'s batch API (results within 24 h)', '— no price in the catalog for that mode'];
  if (requestModel !== undefined) legend.unshift('* the request\'s model');
  lines.push(`  ${legend.join('; ')}.`, '');
  const cheapest = estimates[0]!;
  const best = [cheapest.liveCached, cheapest.live].find((cost) => cost !== undefined)!;
  lines.push(
    `Cheapest: ${cheapest.entry.model} at ${roundedUsd(BigInt(best.totalPicoUsd), 6)} per call (live${cheapest.liveCached === undefined ? '' : ', prefix cached'}); ` +
      'a cheaper model saves money only if it still succeeds at the task.',
  );
  if (requestModel !== undefined && requestModel.liveCached !== undefined) {
    const saved = requestModel.live.totalPicoUsd - requestModel.liveCached.totalPicoUsd;
    lines.push(`Caching the prefix saves ${percent(saved, requestModel.live.totalPicoUsd)} per call on ${requestModel.entry.model}.`);
  }
  lines.push(...cacheNotes(estimates), ...notes);
  lines.push('Estimates serve routing, budgets and planning; the usage a provider reports is what it bills.');
  return lines.join('\n');
}

function costJson(cost: Cost | undefined) {
  if (cost === undefined) return null;
  return { totalUsd: cost.totalUsd, complete: cost.complete, buckets: Object.fromEntries(cost.lines.map((line) => [line.bucket, line.tokens])) };
}

interface Report {
  path: string;
  protocol: RequestProtocol;
  /** The body's `model`, as written. */
  requestModel: string | undefined;
  estimates: ModelEstimate[];
  output: OutputAssumption;
  catalogVersion: string;
  notes: string[];
}

function jsonReport({ path, protocol, requestModel, estimates, output, catalogVersion, notes }: Report) {
  return {
    request: {
      file: path,
      protocol,
      model: requestModel ?? null,
      outputTokens: output.tokens,
      outputTokensSource: output.source,
      requestMaximumOutputTokens: output.requestMaximum ?? null,
    },
    catalogVersion,
    models: estimates.map((estimate) => ({
      model: estimate.entry.model,
      provider: estimate.entry.provider,
      isRequestModel: estimate.isRequestModel,
      inputTokens: estimate.count.total,
      exact: estimate.count.exact,
      tokenizer: { family: estimate.count.family, encoding: estimate.count.encoding },
      stablePrefixTokens: estimate.prefixTokens,
      cacheable: estimate.notCacheable === undefined,
      notCacheableReason: estimate.notCacheable ?? null,
      outputTokens: output.tokens,
      costPerCall: {
        live: costJson(estimate.live),
        liveCached: costJson(estimate.liveCached),
        batch: costJson(estimate.batch),
        batchCached: costJson(estimate.batchCached),
        firstCallCacheWrite: costJson(estimate.firstCallWrite),
      },
      cacheWriteBreakEven: estimate.breakEven ?? null,
      notes: estimate.count.notes,
    })),
    notes,
  };
}

const command: Command = {
  summary: 'Count the input tokens of a request and compare its cost across models, live and batch, cached and not.',
  usage: USAGE,
  async run(argv, io) {
    const { values, positionals } = parseOptions(argv, OPTIONS, USAGE);
    if (positionals.length > 0) throw invalid(`unexpected argument "${positionals[0]}"`);
    if (values.request === undefined) throw invalid('--request FILE is required');
    const body = await readRequest(values.request, io);
    const protocol = detectRequestProtocol(body);
    const request = body as Record<string, unknown>;
    const output = outputAssumption(values['output-tokens'], request);
    const catalog = loadShippedCatalog();
    const notes: string[] = [];
    const requestModel = typeof request.model === 'string' ? request.model : undefined;
    const entries = chooseModels(catalog, values.models, requestModel, notes);
    const requestEntry = requestModel === undefined ? undefined : catalog.find(requestModel);
    const estimates = entries
      .map((entry) => estimateModel(entry, protocol, body, output, catalog.version, entry === requestEntry))
      .sort((a, b) => Number(b.live.complete) - Number(a.live.complete) || a.live.totalPicoUsd - b.live.totalPicoUsd);
    notes.push(...estimates[0]!.count.notes);
    const reasoning = estimates.filter((estimate) => estimate.entry.capabilities.reasoning).map((estimate) => estimate.entry.model);
    if (reasoning.length > 0) {
      notes.push(`${reasoning.join(', ')} can also spend hidden reasoning tokens, billed at the output price and not included here.`);
    }
    const report: Report = { path: values.request, protocol, requestModel, estimates, output, catalogVersion: catalog.version, notes };
    io.stdout(values.json === true ? JSON.stringify(jsonReport(report), null, 2) : humanReport(report));
    return 0;
  },
};

export default command;
