import { resolve } from 'node:path';
import { FrugalError } from '../../errors/frugal-error.ts';
import { commonModels, outcomeTable, type OutcomeTable } from '../data/outcome-table.ts';
import type { CostNote, OutcomeItem, OutcomesDataset } from '../data/outcome-types.ts';
import { DEFAULT_SPLIT, foldOf, splitById, type SplitOptions } from '../data/split.ts';
import { oracle, randomMix, singleModels, type RandomMixPoint, type SingleModelResult } from './baselines.ts';
import { policyResult, sweepCurve, type CurvePoint, type PolicyResult } from './curve.ts';
import { aiq, apgr, callPerformanceThreshold, type XY } from './metrics.ts';
import type { OfflineRouter, PreparedRouter } from './offline-router.ts';
import { pickParameter, type CalibrationTarget } from './pick-parameter.ts';

export interface EvaluateOptions {
  train: OutcomesDataset;
  test: OutcomesDataset;
  router: OfflineRouter;
  /** Calibrate the parameter on the validation split to this target, then report the test point. */
  target?: CalibrationTarget;
  /** Report the test point at this parameter value. */
  parameter?: number;
  /** K-fold cross-validation over one file instead of its held-out test split. */
  folds?: number;
  split?: SplitOptions;
  /** Candidate models (default: those with outcomes on 90% of the training items and present in the test file). */
  models?: string[];
  onProgress?: (message: string) => void;
}

export interface MatchPoint {
  parameter: number;
  quality: number;
  costUsdPer1k: number;
  /** Cost ÷ the best single model's cost on the same items. */
  costRatio: number;
  premiumShare: number;
  costPerSuccessUsd: number | null;
}

export interface RouteEvaluation {
  router: string;
  description: string;
  parameterName: string;
  candidates: string[];
  /** The model counted as premium (strong): best training quality. */
  premium: string;
  protocol: string;
  items: { train: number; validation: number; test: number; droppedIncomplete: number; mergedDuplicates: number };
  costNotes: CostNote[];
  singles: (SingleModelResult & { costPerSuccessUsd: number | null })[];
  oracle: PolicyResult;
  random: { description: string; points: RandomMixPoint[]; aiq: number; apgr: number | null };
  curve: CurvePoint[];
  aiq: number;
  /** Two-model data only (null otherwise). */
  apgr: number | null;
  cpt50: number | null;
  cpt80: number | null;
  bestSingle: { model: string; quality: number; costUsdPer1k: number; costPerSuccessUsd: number | null };
  matchBestSingle: MatchPoint | null;
  /** The calibrated (--target-quality / --premium-share) or requested (--lambda / --threshold) point. */
  selected?: MatchPoint & { calibratedOn?: { items: number; quality: number; met: boolean } };
}

function sameFile(left: OutcomesDataset, right: OutcomesDataset): boolean {
  return resolve(left.path) === resolve(right.path);
}

function matchPoint(point: CurvePoint, best: SingleModelResult): MatchPoint {
  return {
    parameter: point.parameter,
    quality: point.quality,
    costUsdPer1k: point.costUsdPer1k,
    costRatio: best.costUsdPer1k > 0 ? point.costUsdPer1k / best.costUsdPer1k : 0,
    premiumShare: point.premiumShare,
    costPerSuccessUsd: point.costPerSuccessUsd,
  };
}

/** Pools the decisions of per-fold routers into one table's curve (cross-validation). */
function pooledPrepared(parts: { rows: number[]; prepared: PreparedRouter }[]): PreparedRouter {
  const owner = new Map<number, { local: number; prepared: PreparedRouter }>();
  for (const { rows, prepared } of parts) rows.forEach((row, local) => owner.set(row, { local, prepared }));
  const parameters = [...new Set(parts.flatMap(({ prepared }) => prepared.parameters))];
  // Keep each router's own order (cheapest setting first): sort by position in the first part's sweep direction.
  const first = parts[0]!.prepared.parameters;
  const descending = first.length > 1 && first[0]! > first[first.length - 1]!;
  parameters.sort((left, right) => (descending ? right - left : left - right));
  return {
    parameters,
    decide(row, parameter) {
      const { local, prepared } = owner.get(row)!;
      return prepared.decide(local, parameter);
    },
  };
}

function subTable(table: OutcomeTable, rows: number[]): OutcomeTable {
  return outcomeTable(rows.map((row) => table.items[row]!), table.models);
}

/**
 * Evaluates a router on data it was not trained on: a held-out test split of one file (or a
 * second file), or k-fold cross-validation. Reports the single models, the oracle, the random
 * mix, the router's curve over its parameter and the metrics (APGR, CPT, AIQ, cost per success,
 * the cheapest point matching the best single model).
 */
export async function evaluateRouter(options: EvaluateOptions): Promise<RouteEvaluation> {
  const progress = options.onProgress ?? (() => {});
  const split = { ...DEFAULT_SPLIT, ...options.split };
  const oneFile = sameFile(options.train, options.test);
  if (options.folds !== undefined && !oneFile) {
    throw new FrugalError('FRUGAL_INVALID_ARGUMENT', '--folds cross-validates one file: give the same file to --train and --test');
  }
  if (options.folds !== undefined && options.target !== undefined) {
    throw new FrugalError('FRUGAL_INVALID_ARGUMENT', 'calibration to a target needs a validation split: drop --folds, or drop the target');
  }
  const testIds = new Set(options.test.items.map((item) => item.id));
  const models = options.models ?? commonModels(options.train.items).filter((model) => options.test.models.includes(model));
  if (models.length < 2) {
    throw new FrugalError('FRUGAL_INVALID_ARGUMENT', `routing needs at least two candidate models present in both files, found: ${models.join(', ') || 'none'}`);
  }

  let trainItems: OutcomeItem[];
  let validationItems: OutcomeItem[];
  let testItems: OutcomeItem[];
  let protocol: string;
  if (options.folds !== undefined) {
    trainItems = options.train.items;
    validationItems = [];
    testItems = options.train.items;
    protocol = `${options.folds}-fold cross-validation over ${options.train.path} (folds by id hash, salt "${split.salt}")`;
  } else if (oneFile) {
    const parts = splitById(options.train.items, split);
    [trainItems, validationItems, testItems] = [parts.train, parts.validation, parts.test];
    protocol = `one file split by id hash (salt "${split.salt}"): train ${Math.round((1 - split.testShare - split.validationShare) * 100)}%, validation ${Math.round(split.validationShare * 100)}%, test ${Math.round(split.testShare * 100)}%`;
  } else {
    const parts = splitById(options.train.items.filter((item) => !testIds.has(item.id)), { ...split, testShare: 0 });
    [trainItems, validationItems, testItems] = [parts.train, parts.validation, options.test.items];
    protocol = `trained on ${options.train.path} (validation ${Math.round(split.validationShare * 100)}% aside), tested on all of ${options.test.path}`;
  }
  const train = outcomeTable(trainItems, models);
  const validation = outcomeTable(validationItems, models);
  const test = outcomeTable(testItems, models);

  let prepared: PreparedRouter;
  let premium: number;
  let trainCount = train.items.length;
  let parameter = options.parameter;
  let calibratedOn: { items: number; quality: number; met: boolean } | undefined;
  if (options.folds !== undefined) {
    const folds = options.folds;
    const parts: { rows: number[]; prepared: PreparedRouter }[] = [];
    premium = -1;
    for (let fold = 0; fold < folds; fold++) {
      const inFold: number[] = [];
      const outOfFold: number[] = [];
      test.items.forEach((item, row) => (foldOf(item.id, folds, split.salt) === fold ? inFold : outOfFold).push(row));
      progress(`fold ${fold + 1}/${folds}: training on ${outOfFold.length} items, testing on ${inFold.length}`);
      const fitted = await options.router.fit(subTable(test, outOfFold), progress);
      if (premium === -1) premium = fitted.premium;
      parts.push({ rows: inFold, prepared: await fitted.prepare(subTable(test, inFold), progress) });
    }
    prepared = pooledPrepared(parts);
    trainCount = Math.round((test.items.length * (folds - 1)) / folds);
  } else {
    progress(`training ${options.router.name} on ${train.items.length} items`);
    const fitted = await options.router.fit(train, progress);
    premium = fitted.premium;
    progress(`deciding ${test.items.length} test items`);
    prepared = await fitted.prepare(test, progress);
    if (options.target !== undefined) {
      if (validation.items.length === 0) throw new FrugalError('FRUGAL_INVALID_ARGUMENT', 'no validation items to calibrate on');
      progress(`calibrating on ${validation.items.length} validation items`);
      const validationCurve = sweepCurve(validation, premium, await fitted.prepare(validation, progress));
      const picked = pickParameter(validationCurve, options.target);
      parameter = picked.point.parameter;
      calibratedOn = { items: validation.items.length, quality: picked.point.quality, met: picked.met };
    }
  }
  progress('sweeping the curve');
  const curve = sweepCurve(test, premium, prepared);
  const singles = singleModels(test, premium);
  let best = singles[0]!;
  for (const single of singles) if (single.quality > best.quality || (single.quality === best.quality && single.costUsdPer1k < best.costUsdPer1k)) best = single;
  const maxCost = Math.max(...singles.map((single) => single.costUsdPer1k));
  const premiumModel = models[premium]!;
  const random = randomMix(singles, premiumModel);
  const toCost = (point: { costUsdPer1k: number; quality: number }): XY => ({ x: point.costUsdPer1k, y: point.quality });

  let pairMetrics = { apgr: null as number | null, cpt50: null as number | null, cpt80: null as number | null, randomApgr: null as number | null };
  if (models.length === 2) {
    const strong = singles[premium]!;
    const weak = singles[1 - premium]!;
    const points: XY[] = curve.map((point) => ({ x: point.premiumShare, y: point.quality }));
    // Routing everything to one model is always available: the curve spans all shares.
    if (!points.some((point) => point.x === 0)) points.push({ x: 0, y: weak.quality });
    if (!points.some((point) => point.x === 1)) points.push({ x: 1, y: strong.quality });
    pairMetrics = {
      apgr: apgr(points, weak.quality, strong.quality),
      cpt50: callPerformanceThreshold(points, weak.quality, strong.quality, 0.5),
      cpt80: callPerformanceThreshold(points, weak.quality, strong.quality, 0.8),
      randomApgr: apgr(random.map((point) => ({ x: point.premiumShare, y: point.quality })), weak.quality, strong.quality),
    };
  }
  const matching = curve.filter((point) => point.quality >= best.quality);
  const cheapestMatch = matching.reduce<CurvePoint | undefined>((cheapest, point) => (cheapest === undefined || point.costUsdPer1k < cheapest.costUsdPer1k ? point : cheapest), undefined);

  const evaluation: RouteEvaluation = {
    router: options.router.name,
    description: options.router.description,
    parameterName: options.router.parameterName,
    candidates: models,
    premium: premiumModel,
    protocol,
    items: {
      train: trainCount,
      validation: validation.items.length,
      test: test.items.length,
      droppedIncomplete: train.dropped + validation.dropped + test.dropped,
      mergedDuplicates: options.train.mergedDuplicates + (oneFile ? 0 : options.test.mergedDuplicates),
    },
    costNotes: oneFile ? options.train.costNotes : [...options.train.costNotes, ...options.test.costNotes],
    singles,
    oracle: oracle(test, premium),
    random: {
      description: 'each item to one of two neighbouring models on the single models’ quality/cost hull at random',
      points: random,
      aiq: aiq(random.map(toCost), maxCost),
      apgr: pairMetrics.randomApgr,
    },
    curve,
    aiq: aiq(curve.map(toCost), maxCost),
    apgr: pairMetrics.apgr,
    cpt50: pairMetrics.cpt50,
    cpt80: pairMetrics.cpt80,
    bestSingle: { model: best.model, quality: best.quality, costUsdPer1k: best.costUsdPer1k, costPerSuccessUsd: best.costPerSuccessUsd },
    matchBestSingle: cheapestMatch === undefined ? null : matchPoint(cheapestMatch, best),
  };
  if (parameter !== undefined) {
    const chosen = parameter;
    const point: CurvePoint = { parameter: chosen, ...policyResult(test, premium, (row) => prepared.decide(row, chosen)) };
    evaluation.selected = { ...matchPoint(point, best), ...(calibratedOn === undefined ? {} : { calibratedOn }) };
  }
  return evaluation;
}
