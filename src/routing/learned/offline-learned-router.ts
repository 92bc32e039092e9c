import type { OutcomeTable } from '../data/outcome-table.ts';
import type { FittedRouter, OfflineRouter, PreparedRouter } from '../evaluation/offline-router.ts';
import { focusText, routingMessage } from '../features/focus-text.ts';
import { chooseCandidate } from './decision.ts';
import { LearnedRouter } from './learned-router.ts';
import type { DecisionRule, LearnedRouterKind } from './router-model.ts';
import { trainRouter, type TrainRouterOptions } from './train-router.ts';

/** Sweep points per curve. */
const SWEEP_POINTS = 160;

/** Per-row P(success) and expected cost of every candidate. */
export interface RouterPredictions {
  probabilities: Float64Array[];
  costs: Float64Array[];
}

export async function predictTable(router: LearnedRouter, table: OutcomeTable): Promise<RouterPredictions> {
  const messages = table.items.map(routingMessage);
  const vectors = await router.embedder.embed(messages.map(focusText));
  const probabilities: Float64Array[] = [];
  const costs: Float64Array[] = [];
  table.items.forEach((item, row) => {
    const features = router.featuresFromVector(vectors[row]!, messages[row]!, item.turns?.length ?? 1);
    probabilities.push(router.predict(features));
    costs.push(router.expectedCosts(features));
  });
  return { probabilities, costs };
}

/**
 * λ values where some item's choice changes (ratios of success-probability gain to extra
 * expected cost between two of its candidates), thinned to quantiles, largest (cheapest routing)
 * first and ending at λ = 0 (the most likely candidate, whatever its cost).
 */
export function lambdaSweep(predictions: RouterPredictions): number[] {
  const ratios: number[] = [];
  predictions.probabilities.forEach((probabilities, row) => {
    const costs = predictions.costs[row]!;
    for (let cheap = 0; cheap < costs.length; cheap++) {
      for (let dear = 0; dear < costs.length; dear++) {
        const extraCost = costs[dear]! - costs[cheap]!;
        const gain = probabilities[dear]! - probabilities[cheap]!;
        if (extraCost > 0 && gain > 0) ratios.push(gain / extraCost);
      }
    }
  });
  if (ratios.length === 0) return [0];
  ratios.sort((left, right) => right - left);
  const sweep = new Set<number>([ratios[0]! * 1.01]);
  for (let step = 0; step <= SWEEP_POINTS; step++) sweep.add(ratios[Math.min(ratios.length - 1, Math.floor((step / SWEEP_POINTS) * ratios.length))]!);
  sweep.add(0);
  return [...sweep].sort((left, right) => right - left);
}

/** Thresholds from 0 (cheapest candidate) to 1 (the most likely candidate unless one is certain). */
export function thresholdSweep(): number[] {
  return Array.from({ length: 201 }, (_, step) => step / 200);
}

export function ruleFor(rule: 'utility' | 'threshold', parameter: number): DecisionRule {
  return rule === 'utility' ? { rule: 'utility', lambda: parameter } : { rule: 'threshold', threshold: parameter };
}

/** Decisions of a trained learned router on a table, for every parameter of its rule. */
export async function prepareLearned(router: LearnedRouter, table: OutcomeTable, rule: 'utility' | 'threshold'): Promise<PreparedRouter> {
  const predictions = await predictTable(router, table);
  return {
    parameters: rule === 'utility' ? lambdaSweep(predictions) : thresholdSweep(),
    decide(row, parameter) {
      const choice = chooseCandidate(predictions.probabilities[row]!, predictions.costs[row]!, ruleFor(rule, parameter));
      return { attempts: [choice], answered: choice };
    },
  };
}

const DESCRIPTIONS: Record<LearnedRouterKind, string> = {
  knn: 'kNN over lexical TF-IDF vectors of the prompt: similarity-weighted success rate of each model among the 25 nearest training prompts',
  logistic: 'one logistic model per candidate on the prompt vector and hand features (length, task type, few-shot, math/code signals)',
  stacked: 'per-candidate logistic combiner of kNN, logistic and per-cluster success rates with the hand features, fitted out-of-fold',
};

export function learnedOfflineRouter(
  name: string,
  kind: LearnedRouterKind,
  rule: 'utility' | 'threshold',
  options: Omit<TrainRouterOptions, 'kind' | 'onProgress'> = {},
): OfflineRouter {
  return {
    name,
    description: DESCRIPTIONS[kind],
    parameterName: rule === 'utility' ? 'lambda' : 'threshold',
    async fit(train, onProgress) {
      const file = await trainRouter(train, { ...options, kind, ...(onProgress === undefined ? {} : { onProgress }) });
      const router = new LearnedRouter(file, options.embedder);
      const fitted: FittedRouter = {
        premium: file.candidates.indexOf(file.premium),
        prepare: (table) => prepareLearned(router, table, rule),
      };
      return fitted;
    },
  };
}
