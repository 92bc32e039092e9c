import { loadShippedCatalog } from '../../catalog/load.ts';
import { loadConfig } from '../../config/load-config.ts';
import { FrugalError } from '../../errors/frugal-error.ts';
import type { CascadeSamples } from '../../routing/cascade/cascade-routers.ts';
import { readSampleAgreement } from '../../routing/cascade/sample-agreement.ts';
import { sampleCostPricer } from '../../routing/cascade/sample-cost.ts';
import { commonModels, outcomeTable } from '../../routing/data/outcome-table.ts';
import { readOutcomes } from '../../routing/data/read-outcomes.ts';
import { DEFAULT_SPLIT, splitById } from '../../routing/data/split.ts';
import type { Embedder } from '../../routing/embedders/embedder.ts';
import { providerEmbedderFromConfig } from '../../routing/embedders/provider-embedder.ts';
import { evaluateRouter } from '../../routing/evaluation/evaluate-router.ts';
import { formatEvaluation } from '../../routing/evaluation/format-evaluation.ts';
import type { CalibrationTarget } from '../../routing/evaluation/pick-parameter.ts';
import { DEFAULT_LEARNED_KIND, offlineRouter, ROUTER_NAMES } from '../../routing/evaluation/router-registry.ts';
import { calibrateRouter } from '../../routing/learned/calibrate-router.ts';
import { LearnedRouter } from '../../routing/learned/learned-router.ts';
import { loadRouterModel, saveRouterModel } from '../../routing/learned/router-file.ts';
import { LEARNED_ROUTER_KINDS, type LearnedRouterKind, type RouterModelFile } from '../../routing/learned/router-model.ts';
import { trainRouter } from '../../routing/learned/train-router.ts';
import type { CliIO, Command } from '../command.ts';
import { parseCount, parseOptions } from '../parse-options.ts';

const USAGE = `frugal route eval --train FILE --test FILE --router NAME [--target-quality Q | --premium-share S | --lambda L | --threshold T]
                   [--folds K] [--rule utility|threshold] [--samples FILE --samples-model M --samples-price-model CATALOG_MODEL]
                   [--embedder lexical|PROVIDER/MODEL [--config FILE]] [--dimensions N] [--json]
       frugal route train --data FILE --out MODEL [--router ${LEARNED_ROUTER_KINDS.join('|')}|default] [--target-quality Q | --premium-share S]
                   [--rule utility|threshold] [--embedder lexical|PROVIDER/MODEL [--config FILE]] [--dimensions N]
       frugal route calibrate --model MODEL --data FILE (--target-quality Q | --premium-share S) [--rule utility|threshold]
                   [--split validation|all] [--config FILE]

  FILE              an outcomes JSONL file (format in shared/data/README.md), e.g. ../shared/data/routing/routerbench-train.jsonl
  --router          eval: ${ROUTER_NAMES.join(', ')} (default = ${DEFAULT_LEARNED_KIND}, what a learned route
                    uses when its configuration names none)
  --train/--test    the same file: train on its train split, calibrate on its validation split, report its test split
                    (splits by id hash); different files: train on --train, report all of --test
  --folds K         k-fold cross-validation over one file instead of its test split
  --target-quality  calibrate the parameter on validation items to reach this quality, at least cost
  --premium-share   calibrate to call the premium (best) model on at most this share of items
  --lambda/--threshold  report the point at this parameter (utility rule: P − λ·cost, cost in USD per 1k prompts;
                    threshold rule: the cheapest candidate with P ≥ T)
  --samples         self-consistency samples (the MoT CSV) as an agreement signal for cascades; their calls are
                    priced with --samples-price-model from the catalog
  --embedder        lexical (built-in, offline) or provider embeddings through an OpenAI-compatible endpoint
                    configured in --config (its base URL and key variable come from the configuration only)
  --split           calibrate: the data file's validation split (default; the items training left out) or all of it

Progress goes to stderr. exit status: 0 done; 2 bad input (missing file, unknown router, bad option).`;

const OPTIONS = {
  train: { type: 'string' },
  test: { type: 'string' },
  data: { type: 'string' },
  out: { type: 'string' },
  model: { type: 'string' },
  router: { type: 'string' },
  'target-quality': { type: 'string' },
  'premium-share': { type: 'string' },
  lambda: { type: 'string' },
  threshold: { type: 'string' },
  folds: { type: 'string' },
  rule: { type: 'string' },
  samples: { type: 'string' },
  'samples-model': { type: 'string' },
  'samples-price-model': { type: 'string' },
  embedder: { type: 'string' },
  config: { type: 'string' },
  dimensions: { type: 'string' },
  split: { type: 'string' },
  json: { type: 'boolean' },
} as const;

type Values = ReturnType<typeof parseOptions<typeof OPTIONS>>['values'];

const SYNOPSIS = USAGE.slice(0, USAGE.indexOf('\n\n'));

function invalid(message: string): FrugalError {
  return new FrugalError('FRUGAL_INVALID_ARGUMENT', `${message}\nusage: ${SYNOPSIS}`);
}

function required(values: Values, name: keyof Values): string {
  const value = values[name];
  if (typeof value !== 'string' || value === '') throw invalid(`--${name} is required`);
  return value;
}

function share(value: string, name: string): number {
  const number = Number(value);
  if (value.trim() === '' || !(number >= 0 && number <= 1)) throw invalid(`--${name} must be a number from 0 to 1, got "${value}"`);
  return number;
}

function finite(value: string, name: string): number {
  const number = Number(value);
  if (value.trim() === '' || !Number.isFinite(number) || number < 0) throw invalid(`--${name} must be a non-negative number, got "${value}"`);
  return number;
}

function parseRule(values: Values): 'utility' | 'threshold' {
  const rule = values.rule ?? 'utility';
  if (rule !== 'utility' && rule !== 'threshold') throw invalid(`--rule must be utility or threshold, got "${rule}"`);
  return rule;
}

function parseTarget(values: Values): CalibrationTarget | undefined {
  if (values['target-quality'] !== undefined && values['premium-share'] !== undefined) throw invalid('give --target-quality or --premium-share, not both');
  if (values['target-quality'] !== undefined) return { quality: share(values['target-quality'], 'target-quality') };
  if (values['premium-share'] !== undefined) return { premiumShare: share(values['premium-share'], 'premium-share') };
  return undefined;
}

function progressPrinter(io: CliIO): (message: string) => void {
  const started = Date.now();
  return (message) => io.stderr(`frugal route: [${((Date.now() - started) / 1000).toFixed(1)} s] ${message}`);
}

async function embedderFrom(values: Values, io: CliIO): Promise<{ embedder?: Embedder; providerEmbedder?: { provider: string; model: string } }> {
  const name = values.embedder ?? 'lexical';
  if (name === 'lexical') return {};
  const slash = name.indexOf('/');
  if (slash <= 0 || slash === name.length - 1) throw invalid(`--embedder must be "lexical" or PROVIDER/MODEL (a provider of the configuration), got "${name}"`);
  const provider = name.slice(0, slash);
  const model = name.slice(slash + 1);
  const config = await loadConfig(values.config);
  return { embedder: providerEmbedderFromConfig(config, provider, model, io.env), providerEmbedder: { provider, model } };
}

function dimensionsFrom(values: Values): { dimensions?: number } {
  if (values.dimensions === undefined) return {};
  const dimensions = parseCount(values.dimensions, '--dimensions');
  if (dimensions < 8) throw invalid(`--dimensions must be at least 8, got ${dimensions}`);
  return { dimensions };
}

async function samplesFrom(values: Values): Promise<CascadeSamples | undefined> {
  if (values.samples === undefined) return undefined;
  const model = required(values, 'samples-model');
  const priceModel = required(values, 'samples-price-model');
  const pricer = sampleCostPricer(loadShippedCatalog(), priceModel);
  return { byQuestion: await readSampleAgreement(values.samples, model), costPico: pricer };
}

async function runEval(values: Values, io: CliIO): Promise<number> {
  const progress = progressPrinter(io);
  const trainPath = required(values, 'train');
  const testPath = required(values, 'test');
  const routerName = required(values, 'router');
  const target = parseTarget(values);
  const explicit = [values.lambda, values.threshold].filter((value) => value !== undefined).length;
  if (explicit > 1 || (explicit === 1 && target !== undefined)) throw invalid('give one of --target-quality, --premium-share, --lambda, --threshold');
  const rule = parseRule(values);
  const samples = await samplesFrom(values);
  const router = offlineRouter(routerName, {
    rule,
    ...dimensionsFrom(values),
    ...(await embedderFrom(values, io)),
    ...(samples === undefined ? {} : { samples }),
  });
  if (values.lambda !== undefined && router.parameterName !== 'lambda') throw invalid(`router "${routerName}" sweeps ${router.parameterName}, not lambda`);
  if (values.threshold !== undefined && router.parameterName !== 'threshold') throw invalid(`router "${routerName}" sweeps ${router.parameterName}, not threshold`);
  progress(`reading ${trainPath}`);
  const train = await readOutcomes(trainPath);
  const test = testPath === trainPath ? train : await readOutcomes(testPath);
  const parameter = values.lambda ?? values.threshold;
  const evaluation = await evaluateRouter({
    train,
    test,
    router,
    ...(target === undefined ? {} : { target }),
    ...(parameter === undefined ? {} : { parameter: finite(parameter, values.lambda !== undefined ? 'lambda' : 'threshold') }),
    ...(values.folds === undefined ? {} : { folds: Math.max(2, parseCount(values.folds, '--folds')) }),
    onProgress: progress,
  });
  io.stdout(values.json ? JSON.stringify(evaluation, null, 2) : formatEvaluation(evaluation));
  return 0;
}

function learnedKind(name: string | undefined): LearnedRouterKind {
  if (name === undefined || name === 'default') return DEFAULT_LEARNED_KIND;
  if ((LEARNED_ROUTER_KINDS as readonly string[]).includes(name)) return name as LearnedRouterKind;
  throw invalid(`train makes learned routers: --router ${LEARNED_ROUTER_KINDS.join(', ')} or default, got "${name}" (cascades are evaluated with \`frugal route eval\`)`);
}

function summarizeCalibration(file: RouterModelFile, met: boolean): string {
  const calibration = file.calibration!;
  const decision = file.decision.rule === 'utility' ? `λ = ${file.decision.lambda.toPrecision(4)}` : `threshold = ${file.decision.threshold.toPrecision(4)}`;
  const { achieved } = calibration;
  return (
    `decision: ${file.decision.rule} rule, ${decision} — on ${calibration.items} calibration items: quality ${achieved.quality.toFixed(3)}, ` +
    `$${achieved.costUsdPer1k.toFixed(3)} per 1k prompts, premium (${file.premium}) share ${(achieved.premiumShare * 100).toFixed(1)}%` +
    (met ? '' : ` — target ${calibration.target} ${calibration.value} not reached; the closest point was kept`)
  );
}

async function runTrain(values: Values, io: CliIO): Promise<number> {
  const progress = progressPrinter(io);
  const dataPath = required(values, 'data');
  const out = required(values, 'out');
  const kind = learnedKind(values.router);
  const rule = parseRule(values);
  const embedding = await embedderFrom(values, io);
  progress(`reading ${dataPath}`);
  const data = await readOutcomes(dataPath);
  const models = commonModels(data.items);
  const split = splitById(data.items);
  const train = outcomeTable(split.train, models);
  const validation = outcomeTable(split.validation, models);
  const file = await trainRouter(train, {
    kind,
    ...dimensionsFrom(values),
    ...embedding,
    data: dataPath,
    split: { ...DEFAULT_SPLIT },
    onProgress: progress,
  });
  const router = new LearnedRouter(file, embedding.embedder);
  const premiumQuality = validation.items.reduce((sum, _, row) => sum + validation.scores[row * models.length + models.indexOf(file.premium)]!, 0) / Math.max(1, validation.items.length);
  // Without a target, calibrate to the premium model's own quality: its quality at the least cost.
  const target = parseTarget(values) ?? { quality: premiumQuality };
  progress(`calibrating on ${validation.items.length} validation items`);
  const { file: calibrated, met } = await calibrateRouter(router, file, validation, target, rule, dataPath);
  await saveRouterModel(out, calibrated);
  io.stdout(
    [
      `trained a ${kind} router on ${train.items.length} items of ${dataPath} (${models.length} candidates; validation ${validation.items.length} and test ${split.test.length} items held out)`,
      summarizeCalibration(calibrated, met),
      `wrote ${out}`,
    ].join('\n'),
  );
  return 0;
}

async function runCalibrate(values: Values, io: CliIO): Promise<number> {
  const progress = progressPrinter(io);
  const modelPath = required(values, 'model');
  const dataPath = required(values, 'data');
  const target = parseTarget(values);
  if (target === undefined) throw invalid('calibrate needs --target-quality Q or --premium-share S');
  const rule = values.rule === undefined ? undefined : parseRule(values);
  const splitName = values.split ?? 'validation';
  if (splitName !== 'validation' && splitName !== 'all') throw invalid(`--split must be validation or all, got "${splitName}"`);
  const file = await loadRouterModel(modelPath);
  let embedder: Embedder | undefined;
  if (file.embedder.kind === 'provider') {
    const config = await loadConfig(values.config);
    embedder = providerEmbedderFromConfig(config, file.embedder.provider, file.embedder.model, io.env, { dimensions: file.embedder.dimensions });
  }
  const router = new LearnedRouter(file, embedder);
  const data = await readOutcomes(dataPath);
  const items = splitName === 'all' ? data.items : splitById(data.items, file.training.split).validation;
  const table = outcomeTable(items, file.candidates);
  if (table.items.length === 0) throw invalid(`${dataPath} has no ${splitName === 'all' ? '' : 'validation '}items with outcomes for all of the router's candidates`);
  progress(`calibrating on ${table.items.length} items`);
  const { file: calibrated, met } = await calibrateRouter(router, file, table, target, rule ?? file.decision.rule, dataPath);
  await saveRouterModel(modelPath, calibrated);
  io.stdout(`${summarizeCalibration(calibrated, met)}\nwrote ${modelPath}`);
  return 0;
}

const route: Command = {
  summary: 'Offline routing: evaluate routers on real outcomes, train and calibrate learned routers',
  usage: USAGE,
  async run(argv, io) {
    const { values, positionals } = parseOptions(argv, OPTIONS, SYNOPSIS);
    const [subcommand, ...extra] = positionals;
    if (extra.length > 0) throw invalid(`unexpected argument "${extra[0]}"`);
    if (subcommand === 'eval') return runEval(values, io);
    if (subcommand === 'train') return runTrain(values, io);
    if (subcommand === 'calibrate') return runCalibrate(values, io);
    throw invalid(subcommand === undefined ? 'a subcommand is required: eval, train or calibrate' : `unknown subcommand "${subcommand}"; expected eval, train or calibrate`);
  },
};

export default route;
