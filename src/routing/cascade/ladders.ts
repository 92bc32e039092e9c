import type { OutcomeTable } from '../data/outcome-table.ts';
import type { AnswerKind } from '../features/hand-features.ts';
import { ANSWER_KINDS, type ItemSignals } from './item-signals.ts';

/** A candidate is "cheap" when its mean training cost is at most this share of the premium's. */
export const CHEAP_COST_SHARE = 0.25;
/** Fewer training items of a kind than this: use the ladder learned on all items. */
const MIN_ITEMS_PER_KIND = 30;

export interface CandidateStats {
  quality: number;
  meanCost: number;
}

function statsOf(table: OutcomeTable, rows: readonly number[]): CandidateStats[] {
  const width = table.models.length;
  return table.models.map((_, candidate) => {
    let quality = 0;
    let cost = 0;
    for (const row of rows) {
      quality += table.scores[row * width + candidate]!;
      cost += table.costs[row * width + candidate]!;
    }
    return { quality: quality / Math.max(1, rows.length), meanCost: cost / Math.max(1, rows.length) };
  });
}

/** The cheap candidates, learned per answer kind from training items (all items where a kind is rare). */
export interface Ladders {
  premium: number;
  /** Best quality first: the models whose agreement a cascade checks. */
  byQuality: Record<AnswerKind, number[]>;
  /** Lowest cost per success first: the order to try models when a verdict validator checks each answer. */
  byCostPerSuccess: Record<AnswerKind, number[]>;
}

export function learnLadders(table: OutcomeTable, signals: readonly ItemSignals[]): Ladders {
  const allRows = table.items.map((_, row) => row);
  const overall = statsOf(table, allRows);
  let premium = 0;
  overall.forEach((stats, candidate) => {
    const best = overall[premium]!;
    if (stats.quality > best.quality || (stats.quality === best.quality && stats.meanCost < best.meanCost)) premium = candidate;
  });
  const cheap = overall
    .map((stats, candidate) => ({ stats, candidate }))
    .filter(({ stats, candidate }) => candidate !== premium && stats.meanCost <= CHEAP_COST_SHARE * overall[premium]!.meanCost)
    .map(({ candidate }) => candidate);
  const byQuality = {} as Record<AnswerKind, number[]>;
  const byCostPerSuccess = {} as Record<AnswerKind, number[]>;
  for (const kind of ANSWER_KINDS) {
    const rows = allRows.filter((row) => signals[row]!.kind === kind);
    const stats = rows.length >= MIN_ITEMS_PER_KIND ? statsOf(table, rows) : overall;
    byQuality[kind] = [...cheap].sort((left, right) => stats[right]!.quality - stats[left]!.quality || stats[left]!.meanCost - stats[right]!.meanCost);
    const perSuccess = (candidate: number) => stats[candidate]!.meanCost / Math.max(1e-9, stats[candidate]!.quality);
    byCostPerSuccess[kind] = [...cheap].sort((left, right) => perSuccess(left) - perSuccess(right));
  }
  return { premium, byQuality, byCostPerSuccess };
}
