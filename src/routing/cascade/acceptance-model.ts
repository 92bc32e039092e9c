import { HAND_FEATURE_COUNT } from '../features/hand-features.ts';
import { RESPONSE_FEATURE_COUNT } from '../features/response-features.ts';
import { sigmoid } from '../numeric/logistic.ts';
import { predictLogistic, trainLogistic, type LogisticModel } from '../numeric/logistic-regression.ts';
import { fitStandardizer, standardize, type Standardizer } from '../numeric/standardizer.ts';
import { ANSWER_KINDS, type ItemSignals } from './item-signals.ts';
import type { SampleAgreement } from './sample-agreement.ts';

/** The answer most of the called models gave (ties: the earliest), who gave it first, and its vote share. */
export function majorityOf(signals: ItemSignals, called: readonly number[]): { answered: number; support: number } {
  const votes = new Map<string, number>();
  for (const candidate of called) {
    const answer = signals.answers[candidate];
    if (answer !== undefined) votes.set(answer, (votes.get(answer) ?? 0) + 1);
  }
  let answered = called[0]!;
  let best = 0;
  for (const candidate of called) {
    const count = votes.get(signals.answers[candidate] ?? '') ?? 0;
    if (signals.answers[candidate] !== undefined && count > best) {
      best = count;
      answered = candidate;
    }
  }
  return { answered, support: best / called.length };
}

/**
 * What the cascade knows after calling the first `stage` cheap models, for the models that
 * estimate P(its answer is right) and P(the premium model would be right): the prompt's kind and
 * hand features and the chosen answer's response (length, answer found, arithmetic it got wrong,
 * hedging, refusal); from stage 2, the majority answer's vote share and whether all agree —
 * alone and crossed with the prompt features, since agreement means more on some tasks than on
 * others — and the latest response. Sampled answers (self-consistency) add their vote agreement
 * and whether their majority matches the chosen answer.
 */
export function stageFeatures(signals: ItemSignals, tiers: readonly number[], stage: number, samples: SampleAgreement | undefined): Float64Array {
  const called = tiers.slice(0, stage);
  const { answered, support } = majorityOf(signals, called);
  const values: number[] = ANSWER_KINDS.map((kind) => (signals.kind === kind ? 1 : 0));
  values.push(...signals.hand, ...signals.responses[answered]!);
  if (stage >= 2) {
    const answers = called.map((candidate) => signals.answers[candidate]);
    const unanimous = answers.every((answer) => answer !== undefined && answer === answers[0]) ? 1 : 0;
    const answeredShare = answers.filter((answer) => answer !== undefined).length / stage;
    values.push(support, unanimous, answeredShare, ...signals.responses[called[stage - 1]!]!);
    values.push(...ANSWER_KINDS.map((kind) => (signals.kind === kind ? support : 0)));
    for (const feature of signals.hand) values.push(support * feature);
  }
  if (samples !== undefined) {
    const matches = samples.majorityAnswer !== undefined && samples.majorityAnswer === signals.answers[answered] ? 1 : 0;
    values.push(1, samples.voteAgreement, matches);
  } else {
    values.push(0, 0, 0);
  }
  return Float64Array.from(values);
}

export const STAGE_ONE_WIDTH = ANSWER_KINDS.length + HAND_FEATURE_COUNT + RESPONSE_FEATURE_COUNT + 3;

export interface AcceptanceModel {
  standardizer: Standardizer;
  logistic: LogisticModel;
}

export function trainAcceptance(rows: readonly Float64Array[], labels: Float64Array, seed: number): AcceptanceModel {
  const standardizer = fitStandardizer(rows, rows[0]?.length ?? 0);
  const scaled = rows.map((row) => standardize(row, standardizer));
  const logistic = trainLogistic(scaled, labels, 1, { epochs: 80, l2: 2, seed, learningRate: 0.03 });
  return { standardizer, logistic };
}

export function acceptanceProbability(model: AcceptanceModel | undefined, row: Float64Array): number {
  if (model === undefined) return 0;
  return predictLogistic(model.logistic, standardize(row, model.standardizer))[0] ?? sigmoid(0);
}
