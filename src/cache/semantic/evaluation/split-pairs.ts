import { createHash } from 'node:crypto';
import type { LabelledPair } from './labelled-pairs.ts';

/**
 * The deterministic split every offline figure uses: `development` (75%: the verifier is
 * trained and every threshold chosen on it) and `heldOut` (25%: reported, never tuned on).
 * Pairs that share a text stay in one part — Quora repeats questions across pairs, and a
 * question seen in training must not be scored again as unseen. Each group of connected pairs
 * goes to a part by a hash of its smallest text.
 */
export interface PairSplit {
  development: LabelledPair[];
  heldOut: LabelledPair[];
}

/** For each pair, the smallest text of its group (pairs connected through shared texts). */
export function pairGroups(pairs: readonly LabelledPair[]): string[] {
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
    // The smaller text becomes the root, so each group's root is its smallest text.
    if (left !== right) parent.set(left < right ? right : left, left < right ? left : right);
  }
  return pairs.map((pair) => find(pair.a));
}

/** A stable number in [0, buckets) for a group; `salt` gives independent assignments (parts, folds). */
export function groupBucket(group: string, buckets: number, salt = ''): number {
  return createHash('sha256').update(salt).update(group).digest().readUInt32BE(0) % buckets;
}

export function splitPairs(pairs: readonly LabelledPair[]): PairSplit {
  const groups = pairGroups(pairs);
  const split: PairSplit = { development: [], heldOut: [] };
  pairs.forEach((pair, index) => (groupBucket(groups[index]!, 100) < 75 ? split.development : split.heldOut).push(pair));
  return split;
}
