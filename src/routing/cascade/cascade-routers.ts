import type { OutcomeTable } from '../data/outcome-table.ts';
import type { FittedRouter, ItemDecision, OfflineRouter, PreparedRouter } from '../evaluation/offline-router.ts';
import { focusText, routingMessage } from '../features/focus-text.ts';
import type { AnswerKind } from '../features/hand-features.ts';
import { acceptanceProbability, majorityOf, stageFeatures, trainAcceptance, type AcceptanceModel } from './acceptance-model.ts';
import { itemSignals, type ItemSignals } from './item-signals.ts';
import { learnLadders, type Ladders } from './ladders.ts';
import type { SampleAgreement } from './sample-agreement.ts';

/** A score at or above this is a pass for a verdict validator. */
const PASS_SCORE = 0.5;
/** Cheap models whose agreement a cascade checks before escalating. */
const AGREEMENT_TIERS = 2;
/** Sweep points per curve. */
const SWEEP_POINTS = 160;
const PICO_PER_USD_PER_THOUSAND = 1e9;

/** Self-consistency samples available to the cascade, and what drawing them costs per item. */
export interface CascadeSamples {
  byQuestion: Map<string, SampleAgreement>;
  /** Integer pico-USD of drawing the samples for one item (an attempt outside the candidates). */
  costPico(sample: SampleAgreement, question: string): number;
}

export interface CascadeOptions {
  /** Answer kinds whose answers are checked by their recorded verdict (score) instead of agreement. */
  verdictKinds: ReadonlySet<AnswerKind>;
  samples?: CascadeSamples;
  seed?: number;
}

function samplesFor(table: OutcomeTable, samples: CascadeSamples | undefined): (SampleAgreement | undefined)[] {
  return table.items.map((item) => samples?.byQuestion.get(focusText(routingMessage(item)).trim()));
}

function scoreOf(table: OutcomeTable, row: number, candidate: number): number {
  return table.scores[row * table.models.length + candidate]!;
}

/**
 * Tries `ladder` in order and keeps the first answer its verdict passes; when all fail, the
 * premium model answers if `escalate` (else the last failed answer stands: a known failure).
 */
function verdictDecision(table: OutcomeTable, row: number, ladder: readonly number[], premium: number, escalate = true): ItemDecision {
  const attempts: number[] = [];
  for (const candidate of ladder) {
    attempts.push(candidate);
    if (scoreOf(table, row, candidate) >= PASS_SCORE) return { attempts, answered: candidate };
  }
  if (!escalate && attempts.length > 0) return { attempts, answered: attempts[attempts.length - 1]! };
  attempts.push(premium);
  return { attempts, answered: premium };
}

/**
 * Per answer kind: how often the premium model passes where every cheap model of the verdict
 * ladder failed (training items), per USD per 1,000 prompts of a premium call — the value of
 * escalating after the cheap models all failed.
 */
function verdictEscalationValue(train: OutcomeTable, signals: readonly ItemSignals[], ladders: Ladders, premiumCost: Map<AnswerKind, number>): Map<AnswerKind, number> {
  const value = new Map<AnswerKind, number>();
  for (const kind of premiumCost.keys()) {
    let failed = 0;
    let rescued = 0;
    signals.forEach((itemSignals, row) => {
      if (itemSignals.kind !== kind) return;
      if (ladders.byCostPerSuccess[kind].some((candidate) => scoreOf(train, row, candidate) >= PASS_SCORE)) return;
      failed++;
      rescued += scoreOf(train, row, ladders.premium);
    });
    value.set(kind, failed === 0 ? 0 : rescued / failed / Math.max(1e-9, premiumCost.get(kind)!));
  }
  return value;
}

interface FittedCascade {
  ladders: Ladders;
  /** Per stage (index 0: after the first cheap model): P(the first answer is right). */
  accept: (AcceptanceModel | undefined)[];
  /** Per stage: P(the premium model's answer would be right), from the same evidence. */
  premiumRight: (AcceptanceModel | undefined)[];
  /** Mean premium cost per answer kind on training items, USD per 1,000 prompts. */
  premiumCost: Map<AnswerKind, number>;
  /** Per verdict-checked kind: quality gained per USD (per 1,000 prompts) by escalating after all cheap models failed. */
  verdictEscalation: Map<AnswerKind, number>;
}

/** Trains, per stage, the acceptance and premium-success models on the training items that agreement decides. */
function fitAcceptance(train: OutcomeTable, signals: ItemSignals[], ladders: Ladders, options: CascadeOptions): FittedCascade {
  const samples = samplesFor(train, options.samples);
  const accept: (AcceptanceModel | undefined)[] = [];
  const premiumRight: (AcceptanceModel | undefined)[] = [];
  for (let stage = 1; stage <= AGREEMENT_TIERS; stage++) {
    const rows: Float64Array[] = [];
    const firstLabels: number[] = [];
    const premiumLabels: number[] = [];
    signals.forEach((itemSignals, row) => {
      if (options.verdictKinds.has(itemSignals.kind)) return;
      const tiers = ladders.byQuality[itemSignals.kind];
      if (tiers.length < stage) return;
      rows.push(stageFeatures(itemSignals, tiers, stage, samples[row]));
      firstLabels.push(scoreOf(train, row, majorityOf(itemSignals, tiers.slice(0, stage)).answered));
      premiumLabels.push(scoreOf(train, row, ladders.premium));
    });
    const enough = rows.length >= 10;
    const seed = (options.seed ?? 5) + stage;
    accept.push(enough ? trainAcceptance(rows, Float64Array.from(firstLabels), seed) : undefined);
    premiumRight.push(enough ? trainAcceptance(rows, Float64Array.from(premiumLabels), seed) : undefined);
  }
  const premiumCost = new Map<AnswerKind, number>();
  for (const kind of new Set(signals.map((itemSignals) => itemSignals.kind))) {
    const rows = signals.flatMap((itemSignals, row) => (itemSignals.kind === kind ? [row] : []));
    const total = rows.reduce((sum, row) => sum + train.costs[row * train.models.length + ladders.premium]!, 0);
    premiumCost.set(kind, total / rows.length / PICO_PER_USD_PER_THOUSAND);
  }
  const verdictEscalation = verdictEscalationValue(train, signals, ladders, premiumCost);
  return { ladders, accept, premiumRight, premiumCost, verdictEscalation };
}

/**
 * λ values where some item's decision changes, largest first (accept every cheap answer) down
 * to 0 (escalate whenever the premium model is more likely right).
 */
function escalationSweep(ratios: readonly number[][]): number[] {
  const all = ratios.flat().filter((ratio) => ratio > 0).sort((left, right) => right - left);
  if (all.length === 0) return [0];
  const sweep = new Set<number>([all[0]! * 1.01]);
  for (let step = 0; step <= SWEEP_POINTS; step++) sweep.add(all[Math.min(all.length - 1, Math.floor((step / SWEEP_POINTS) * all.length))]!);
  sweep.add(0);
  return [...sweep].sort((left, right) => right - left);
}

function prepareAcceptance(fitted: FittedCascade, table: OutcomeTable, options: CascadeOptions): PreparedRouter {
  const { ladders } = fitted;
  const signals = itemSignals(table);
  const samples = samplesFor(table, options.samples);
  const extraCost = samples.map((sample, row) =>
    sample === undefined || options.samples === undefined ? 0 : options.samples.costPico(sample, focusText(routingMessage(table.items[row]!))),
  );
  // Per item and stage: expected quality gained by escalating, per USD (per 1,000 prompts) the
  // premium call costs. Computed once; the sweep only moves λ.
  const ratios = signals.map((itemSignals, row) => {
    if (options.verdictKinds.has(itemSignals.kind)) return [fitted.verdictEscalation.get(itemSignals.kind) ?? 0];
    const tiers = ladders.byQuality[itemSignals.kind].slice(0, AGREEMENT_TIERS);
    const premiumCost = fitted.premiumCost.get(itemSignals.kind) ?? Math.max(...fitted.premiumCost.values());
    return tiers.map((_, index) => {
      const features = stageFeatures(itemSignals, tiers, index + 1, samples[row]);
      const gain = acceptanceProbability(fitted.premiumRight[index], features) - acceptanceProbability(fitted.accept[index], features);
      return gain / Math.max(1e-9, premiumCost);
    });
  });
  return {
    parameters: escalationSweep(ratios),
    decide(row, lambda) {
      const kind = signals[row]!.kind;
      if (options.verdictKinds.has(kind)) {
        return verdictDecision(table, row, ladders.byCostPerSuccess[kind], ladders.premium, (fitted.verdictEscalation.get(kind) ?? 0) > lambda);
      }
      const tiers = ladders.byQuality[kind].slice(0, AGREEMENT_TIERS);
      const attempts: number[] = [];
      const itemRatios = ratios[row]!;
      for (let index = 0; index < tiers.length; index++) {
        attempts.push(tiers[index]!);
        if (itemRatios[index]! <= lambda) {
          return { attempts, answered: majorityOf(signals[row]!, attempts).answered, extraCostPico: extraCost[row]! };
        }
      }
      attempts.push(ladders.premium);
      return { attempts, answered: ladders.premium, extraCostPico: extraCost[row]! };
    },
  };
}

/**
 * Cheapest first, escalate when the validator rejects. Cheap models are tried in order of quality
 * for the prompt's kind (learned on training items); after each, two models estimate from the
 * prompt, the responses and whether the cheap models agree P(the first answer is right) and
 * P(the premium model would be right); the cascade escalates when the expected gain exceeds
 * λ × the premium call's expected cost (λ is the swept parameter). Every call is paid.
 */
export function agreementCascade(name: string, description: string, options: CascadeOptions): OfflineRouter {
  return {
    name,
    description,
    parameterName: 'lambda',
    async fit(train, onProgress) {
      onProgress?.('cascade: reading answers and fitting acceptance models');
      const signals = itemSignals(train);
      const ladders = learnLadders(train, signals);
      const fitted = fitAcceptance(train, signals, ladders, options);
      const router: FittedRouter = {
        premium: ladders.premium,
        prepare: async (table) => prepareAcceptance(fitted, table, options),
      };
      return router;
    },
  };
}

/**
 * The cascade with a perfect validator: the recorded score decides every answer (what running
 * tests does for code, or an exact checker for known answers). The sweep is the number of cheap
 * models tried, cheapest per success first, before the premium model.
 */
export function verdictCascade(name: string): OfflineRouter {
  return {
    name,
    description: 'cheapest per success first; each answer is accepted when its recorded score passes (a perfect validator: an upper bound)',
    parameterName: 'cheap tiers',
    async fit(train) {
      const signals = itemSignals(train);
      const ladders = learnLadders(train, signals);
      return {
        premium: ladders.premium,
        prepare: async (table) => {
          const kinds = itemSignals(table).map((item) => item.kind);
          const longest = Math.max(0, ...Object.values(ladders.byCostPerSuccess).map((ladder) => ladder.length));
          return {
            parameters: Array.from({ length: longest + 1 }, (_, tiers) => longest - tiers),
            decide: (row, tiers) => verdictDecision(table, row, ladders.byCostPerSuccess[kinds[row]!].slice(0, tiers), ladders.premium),
          };
        },
      };
    },
  };
}
