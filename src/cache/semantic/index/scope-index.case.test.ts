import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { DenseScopeIndex } from './dense-scope-index.ts';
import type { ScopeIndex, VectorMatch } from './scope-index.ts';
import { SparseScopeIndex } from './sparse-scope-index.ts';

const DIMENSIONS = 32;

function unit(values: number[]): Float32Array {
  const norm = Math.sqrt(values.reduce((sum, value) => sum + value * value, 0)) || 1;
  return Float32Array.from(values, (value) => value / norm);
}

function bruteForce(vectors: Map<number, Float32Array>, query: Float32Array, floor: number, limit: number): VectorMatch[] {
  return [...vectors]
    .map(([id, vector]) => ({ id, similarity: vector.reduce((sum, value, index) => sum + value * query[index]!, 0) }))
    .filter((match) => match.similarity >= floor)
    .sort((left, right) => right.similarity - left.similarity)
    .slice(0, limit);
}

// Mostly zeros, like lexical vectors: a few non-negative weights.
const sparseVector = fc
  .array(fc.tuple(fc.integer({ min: 0, max: DIMENSIONS - 1 }), fc.integer({ min: 1, max: 9 })), { minLength: 1, maxLength: 6 })
  .map((entries) => {
    const values = new Array<number>(DIMENSIONS).fill(0);
    for (const [index, weight] of entries) values[index] = weight;
    return unit(values);
  });

/** Every layout must return exactly the matches a brute-force scan returns. */
for (const [name, create] of [
  ['sparse', () => new SparseScopeIndex(DIMENSIONS)],
  ['dense', () => new DenseScopeIndex(DIMENSIONS)],
] as const) {
  describe(`${name} scope index`, () => {
    test('finds the same matches as a brute-force scan, through adds and removes', () => {
      fc.assert(
        fc.property(
          fc.array(sparseVector, { minLength: 1, maxLength: 40 }),
          fc.array(fc.nat(), { maxLength: 15 }),
          sparseVector,
          fc.constantFrom(0, 0.2, 0.5, 0.8),
          (vectors, removals, query, floor) => {
            const index: ScopeIndex = create();
            const stored = new Map<number, Float32Array>();
            vectors.forEach((vector, id) => {
              index.add(id, vector);
              stored.set(id, vector);
            });
            for (const removal of removals) {
              const id = removal % vectors.length;
              index.remove(id);
              stored.delete(id);
            }
            assert.equal(index.size, stored.size);
            for (const limit of [1, 3]) {
              const found = index.search(query, floor, limit);
              const expected = bruteForce(stored, query, floor, limit);
              assert.deepEqual(found.map((match) => match.similarity.toFixed(5)), expected.map((match) => match.similarity.toFixed(5)));
            }
          },
        ),
        { numRuns: 150 },
      );
    });

    test('best first, bounded by the limit and the floor', () => {
      const index: ScopeIndex = create();
      index.add(1, unit([1, 0, ...new Array(DIMENSIONS - 2).fill(0)]));
      index.add(2, unit([1, 1, ...new Array(DIMENSIONS - 2).fill(0)]));
      index.add(3, unit([0, 1, ...new Array(DIMENSIONS - 2).fill(0)]));
      const query = unit([1, 0, ...new Array(DIMENSIONS - 2).fill(0)]);
      // cos(query, 1) = 1; cos(query, 2) = 1/√2 ≈ 0.7071; cos(query, 3) = 0.
      assert.deepEqual(index.search(query, 0.5, 5).map((match) => match.id), [1, 2]);
      assert.deepEqual(index.search(query, 0.5, 1).map((match) => match.id), [1]);
      assert.ok(Math.abs(index.search(query, 0.5, 5)[1]!.similarity - Math.SQRT1_2) < 1e-6);
    });

    test('thousands of removals leave the survivors searchable', () => {
      const index: ScopeIndex = create();
      const basis = (dimension: number) => unit(Array.from({ length: DIMENSIONS }, (_, index) => (index === dimension ? 1 : 0)));
      for (let id = 0; id < 3000; id++) index.add(id, basis(id % DIMENSIONS));
      for (let id = 0; id < 2990; id++) index.remove(id);
      assert.equal(index.size, 10);
      assert.deepEqual(index.search(basis(2990 % DIMENSIONS), 0.9, 5).map((match) => match.id), [2990]);
    });
  });
}
