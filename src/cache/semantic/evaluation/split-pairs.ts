import { createHash } from 'node:crypto';
import type { LabelledPair } from './labelled-pairs.ts';

/**
 * The deterministic split every offline figure uses: `train` (fits the verifier and the IDF),
 * `tune` (chooses thresholds) and `heldOut` (reports). Pairs that share a text are kept in one
 * part — Quora repeats questions across pairs, and a question seen in training must not be
 * scored again as unseen. Each group of connected pairs goes to a part by a hash of its
 * smallest text: 50% / 25% / 25%.
 */
export interface PairSplit {
  train: LabelledPair[];
  tune: LabelledPair[];
  heldOut: LabelledPair[];
}

export function splitPairs(pairs: LabelledPair[]): PairSplit {
  const parent = new Map<string, string>();
  const find = (text: string): string => {
    let root = text;
    while (parent.get(root) !== root) root = parent.get(root)!;
    let node = text;
    while (node !== root) {
      const next = parent.get(node)!;
      parent.set(node, root);
      node = next;
    }
    return root;
  };
  for (const pair of pairs) {
    if (!parent.has(pair.a)) parent.set(pair.a, pair.a);
    if (!parent.has(pair.b)) parent.set(pair.b, pair.b);
    const left = find(pair.a);
    const right = find(pair.b);
    if (left !== right) parent.set(left < right ? right : left, left < right ? left : right);
  }
  // Union by smallest text makes each group's root its smallest text.
  const split: PairSplit = { train: [], tune: [], heldOut: [] };
  for (const pair of pairs) {
    const percentile = createHash('sha256').update(find(pair.a)).digest().readUInt32BE(0) % 100;
    (percentile < 50 ? split.train : percentile < 75 ? split.tune : split.heldOut).push(pair);
  }
  return split;
}
