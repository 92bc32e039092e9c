import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { foldOf, splitById, splitOf } from './split.ts';

const items = Array.from({ length: 2_000 }, (_, index) => ({ id: `item.${index}` }));

test('the split is a pure function of the ids: same result in any order, parts disjoint and complete', () => {
  const first = splitById(items);
  const second = splitById([...items].reverse());
  const ids = (list: { id: string }[]) => list.map((item) => item.id).sort();
  assert.deepEqual(ids(first.train), ids(second.train));
  assert.deepEqual(ids(first.validation), ids(second.validation));
  assert.deepEqual(ids(first.test), ids(second.test));
  assert.equal(first.train.length + first.validation.length + first.test.length, items.length);
  const all = new Set([...first.train, ...first.validation, ...first.test].map((item) => item.id));
  assert.equal(all.size, items.length);
});

test('shares are close to the requested ones and the salt changes the assignment', () => {
  const split = splitById(items, { testShare: 0.3, validationShare: 0.15 });
  // Binomial(2000, 0.3): standard deviation ≈ 20.5, so ±100 is about ±5 sigma.
  assert.ok(Math.abs(split.test.length - 600) < 100, `test ${split.test.length}`);
  assert.ok(Math.abs(split.validation.length - 300) < 100, `validation ${split.validation.length}`);
  const other = splitById(items, { salt: 'another' });
  assert.notDeepEqual(other.test.map((item) => item.id), split.test.map((item) => item.id));
});

test('an id keeps its split whatever other items are split with it', () => {
  fc.assert(
    fc.property(fc.string({ minLength: 1 }), fc.array(fc.string({ minLength: 1 }), { maxLength: 5 }), (id, others) => {
      const split = splitById([{ id }, ...others.filter((other) => other !== id).map((other) => ({ id: other }))]);
      const part = split.train.some((item) => item.id === id) ? 'train' : split.validation.some((item) => item.id === id) ? 'validation' : 'test';
      assert.equal(part, splitOf(id));
      const fold = foldOf(id, 5);
      assert.ok(Number.isInteger(fold) && fold >= 0 && fold < 5);
    }),
  );
});

test('invalid shares are refused', () => {
  assert.throws(() => splitOf('x', { testShare: 0.7, validationShare: 0.3 }), { code: 'FRUGAL_INVALID_ARGUMENT' });
});
