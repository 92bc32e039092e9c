import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { LabelledPair } from './labelled-pairs.ts';
import { pairGroups, splitPairs } from './split-pairs.ts';

const pair = (a: string, b: string): LabelledPair => ({ a, b, duplicate: false });

test('pairs connected through a shared text form one group, named by its smallest text', () => {
  const groups = pairGroups([pair('b', 'c'), pair('x', 'y'), pair('c', 'a')]);
  assert.deepEqual(groups, ['a', 'x', 'a']);
});

test('the split is deterministic, about 75/25, and never separates a group', () => {
  const pairs = Array.from({ length: 2000 }, (_, index) => pair(`question ${index}`, `question ${index + (index % 3 === 0 ? 1 : 5000)}`));
  const first = splitPairs(pairs);
  assert.deepEqual(splitPairs(pairs), first);
  const share = first.development.length / pairs.length;
  assert.ok(share > 0.7 && share < 0.8, `development share ${share}`);
  const developmentTexts = new Set(first.development.flatMap((item) => [item.a, item.b]));
  assert.ok(first.heldOut.every((item) => !developmentTexts.has(item.a) && !developmentTexts.has(item.b)));
});
