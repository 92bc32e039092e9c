import { FrugalError } from '../../errors/frugal-error.ts';
import type { OutcomeItem } from './outcome-types.ts';

/**
 * Items × candidate models as flat arrays (row-major, item-major), for fast sweeps: only items
 * with an outcome for every candidate are kept.
 */
export interface OutcomeTable {
  models: string[];
  items: OutcomeItem[];
  /** scores[item * models.length + model]. */
  scores: Float64Array;
  /** Integer pico-USD, same layout. */
  costs: Float64Array;
  /** Items left out because they lack an outcome for some candidate. */
  dropped: number;
}

/** Models with an outcome on at least `share` of the items, in the order they were first seen. */
export function commonModels(items: readonly OutcomeItem[], share = 0.9): string[] {
  const counts = new Map<string, number>();
  for (const item of items) for (const model of item.outcomes.keys()) counts.set(model, (counts.get(model) ?? 0) + 1);
  return [...counts].filter(([, count]) => count >= share * items.length).map(([model]) => model);
}

export function outcomeTable(items: readonly OutcomeItem[], models: readonly string[]): OutcomeTable {
  if (models.length === 0) throw new FrugalError('FRUGAL_INVALID_ARGUMENT', 'routing needs at least one candidate model');
  const kept = items.filter((item) => models.every((model) => item.outcomes.has(model)));
  const width = models.length;
  const scores = new Float64Array(kept.length * width);
  const costs = new Float64Array(kept.length * width);
  kept.forEach((item, row) => {
    models.forEach((model, column) => {
      const outcome = item.outcomes.get(model)!;
      scores[row * width + column] = outcome.score;
      costs[row * width + column] = outcome.costPico;
    });
  });
  return { models: [...models], items: kept, scores, costs, dropped: items.length - kept.length };
}
