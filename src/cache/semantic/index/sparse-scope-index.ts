import { sparseFromDense } from '../../embedders/sparse-vector.ts';
import { isDense, type IndexVector } from './vector-codec.ts';
import { insertRanked, type ScopeIndex, type VectorMatch } from './scope-index.ts';

class PostingList {
  slots = new Int32Array(4);
  length = 0;

  push(slot: number): void {
    if (this.length === this.slots.length) {
      const grown = new Int32Array(this.slots.length * 2);
      grown.set(this.slots);
      this.slots = grown;
    }
    this.slots[this.length++] = slot;
  }
}

/**
 * The layout for sparse vectors (the lexical embedder's): each vector by its non-zero entries,
 * plus an inverted index from dimension to the slots that use it.
 *
 * A search is exact for the matches at or above the floor. Query dimensions are visited from
 * the heaviest down; once the norm of the query's unvisited part is below the floor, an entry
 * that shares none of the visited dimensions cannot reach it (cosine ≤ that norm, by
 * Cauchy–Schwarz, since entries are unit length). Those long lists of common, light dimensions
 * are never walked; every candidate found is then scored in full.
 */
export class SparseScopeIndex implements ScopeIndex {
  readonly #postings: Array<PostingList | undefined>;
  #indices: Array<Uint32Array | undefined> = [];
  #values: Array<Float32Array | undefined> = [];
  #slotIds: number[] = [];
  readonly #slotOf = new Map<number, number>();
  #free: number[] = [];
  #stamps = new Uint32Array(16);
  #epoch = 0;
  #livePostings = 0;
  #totalPostings = 0;

  constructor(dimensions: number) {
    this.#postings = new Array<PostingList | undefined>(dimensions);
  }

  get size(): number {
    return this.#slotOf.size;
  }

  add(id: number, vector: IndexVector): void {
    const { indices, values } = isDense(vector) ? sparseFromDense(vector) : vector;
    const slot = this.#free.pop() ?? this.#slotIds.length;
    this.#indices[slot] = indices;
    this.#values[slot] = values;
    this.#slotIds[slot] = id;
    this.#slotOf.set(id, slot);
    if (slot >= this.#stamps.length) {
      const grown = new Uint32Array(this.#stamps.length * 2);
      grown.set(this.#stamps);
      this.#stamps = grown;
    }
    this.#index(slot, indices);
    this.#livePostings += indices.length;
  }

  remove(id: number): void {
    const slot = this.#slotOf.get(id);
    if (slot === undefined) return;
    this.#slotOf.delete(id);
    this.#livePostings -= this.#indices[slot]!.length;
    this.#indices[slot] = undefined;
    this.#values[slot] = undefined;
    this.#slotIds[slot] = -1;
    this.#free.push(slot);
    // Postings of removed entries stay until they outnumber the live ones; then rebuild.
    if (this.#totalPostings > 2 * this.#livePostings + 4096) this.#rebuild();
  }

  search(query: Float32Array, minimumSimilarity: number, limit: number): VectorMatch[] {
    const dimensions: number[] = [];
    let remainingSquares = 0;
    for (let index = 0; index < query.length; index++) {
      const weight = query[index]!;
      if (weight === 0) continue;
      dimensions.push(index);
      remainingSquares += weight * weight;
    }
    dimensions.sort((left, right) => Math.abs(query[right]!) - Math.abs(query[left]!));

    this.#epoch = (this.#epoch + 1) >>> 0;
    if (this.#epoch === 0) {
      this.#stamps.fill(0);
      this.#epoch = 1;
    }
    const epoch = this.#epoch;
    const stamps = this.#stamps;
    const candidates: number[] = [];
    if (minimumSimilarity <= 0) {
      for (const slot of this.#slotOf.values()) candidates.push(slot);
    } else {
      // A small margin keeps float rounding from ending the walk one dimension early.
      const floor = minimumSimilarity - 1e-6;
      for (const dimension of dimensions) {
        if (Math.sqrt(Math.max(remainingSquares, 0)) < floor) break;
        const weight = query[dimension]!;
        remainingSquares -= weight * weight;
        const list = this.#postings[dimension];
        if (list === undefined) continue;
        const slots = list.slots;
        for (let position = 0; position < list.length; position++) {
          const slot = slots[position]!;
          if (stamps[slot] === epoch) continue;
          stamps[slot] = epoch;
          candidates.push(slot);
        }
      }
    }

    const matches: VectorMatch[] = [];
    for (const slot of candidates) {
      const indices = this.#indices[slot];
      if (indices === undefined) continue;
      const values = this.#values[slot]!;
      let similarity = 0;
      for (let entry = 0; entry < indices.length; entry++) similarity += values[entry]! * query[indices[entry]!]!;
      if (similarity >= minimumSimilarity) insertRanked(matches, { id: this.#slotIds[slot]!, similarity }, limit);
    }
    return matches;
  }

  bytes(): number {
    let total = this.#stamps.byteLength + this.#slotIds.length * 8 + this.#slotOf.size * 16;
    for (const indices of this.#indices) if (indices !== undefined) total += indices.byteLength * 2 + 64;
    for (const list of this.#postings) if (list !== undefined) total += list.slots.byteLength + 32;
    return total;
  }

  #index(slot: number, indices: Uint32Array): void {
    for (const dimension of indices) {
      let list = this.#postings[dimension];
      if (list === undefined) {
        list = new PostingList();
        this.#postings[dimension] = list;
      }
      list.push(slot);
    }
    this.#totalPostings += indices.length;
  }

  #rebuild(): void {
    this.#postings.fill(undefined);
    this.#totalPostings = 0;
    this.#indices.forEach((indices, slot) => {
      if (indices !== undefined) this.#index(slot, indices);
    });
  }
}
