import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normalizeInPlace } from '../embedders/embedder.ts';
import { sphericalKMeans } from '../numeric/kmeans.ts';
import { seededRandom } from '../numeric/seeded-shuffle.ts';
import { nearest, type NeighbourIndex } from './neighbour-index.ts';

const random = seededRandom(3);
const width = 16;
const vectors = Array.from({ length: 400 }, () => normalizeInPlace(Float32Array.from({ length: width }, () => random() * 2 - 1)));
const flat = new Float32Array(vectors.length * width);
vectors.forEach((vector, row) => flat.set(vector, row * width));

test('the full scan returns the k most similar, best first, and can leave one out', () => {
  const index: NeighbourIndex = { width, count: vectors.length, vectors: flat };
  const found = nearest(index, vectors[7]!, 5);
  assert.equal(found.found, 5);
  assert.equal(found.indices[0], 7);
  assert.ok(Math.abs(found.similarities[0]! - 1) < 1e-5);
  for (let position = 1; position < 5; position++) assert.ok(found.similarities[position - 1]! >= found.similarities[position]!);
  const withoutSelf = nearest(index, vectors[7]!, 5, 7);
  assert.ok(!Array.from(withoutSelf.indices).includes(7));
  assert.deepEqual(Array.from(withoutSelf.indices.slice(0, 4)), Array.from(found.indices.slice(1, 5)));
});

test('the clustered search with a budget of every vector equals the full scan', () => {
  const clustering = sphericalKMeans(vectors, 12, { seed: 1 });
  const members = Array.from({ length: clustering.count }, () => [] as number[]);
  clustering.assignments.forEach((cluster, row) => members[cluster]!.push(row));
  const scanned: NeighbourIndex = { width, count: vectors.length, vectors: flat };
  const clustered: NeighbourIndex = {
    ...scanned,
    lists: { centroids: clustering.centroids, members: members.map((list) => Uint32Array.from(list)), scanned: vectors.length },
  };
  for (const query of vectors.slice(0, 20)) assert.deepEqual(nearest(clustered, query, 10).indices, nearest(scanned, query, 10).indices);
});
