import { sparseFromDense } from '../../embedders/sparse-vector.ts';
import { insertRanked, type ScopeIndex, type VectorMatch } from './scope-index.ts';
import { isDense, type IndexVector } from './vector-codec.ts';

/** One dimension's entries: slot and that entry's weight in the dimension, side by side. */
class PostingList {
  slots = new Int32Array(4);
  weights = new Float32Array(4);
  length = 0;

  push(slot: number, weight: number): void {
    if (this.length === this.slots.length) {
      const slots = new Int32Array(this.slots.length * 2);
      slots.set(this.slots);
      this.slots = slots;
      const weights = new Float32Array(this.weights.length * 2);
      weights.set(this.weights);
      this.weights = weights;
    }
    this.slots[this.length] = slot;
    this.weights[this.length++] = weight;
  }
}

/**
 * The layout for sparse vectors (the lexical embedder's): an inverted index from dimension to
 * (slot, weight), scored term at a time into an accumulator. Exact for every match at or above
 * the floor.
 *
 * Query dimensions are walked heaviest first. Once the norm of the unwalked part is below the
 * floor, no entry outside the ones already touched can reach it (its cosine is at most that norm,
 * by Cauchy–Schwarz, entries being unit length), so the long lists of light, common words are
 * either walked only to complete the touched entries' sums or skipped in favour of scoring those
 * entries from their own vectors, whichever costs less.
 *
 * Removed entries leave their postings behind (their sums are ignored) until they outnumber the
 * live ones; then the slots are renumbered and the lists rebuilt.
 */
export class SparseScopeIndex implements ScopeIndex {
  readonly #dimensions: number;
  #postings: Array<PostingList | undefined>;
  #indices: Array<Uint32Array | undefined> = [];
  #values: Array<Float32Array | undefined> = [];
  #slotIds: number[] = [];
  #slotOf = new Map<number, number>();
  #sums = new Float64Array(64);
  #stamps = new Uint32Array(64);
  #epoch = 0;
  #hasNegative = false;

  constructor(dimensions: number) {
    this.#dimensions = dimensions;
    this.#postings = new Array<PostingList | undefined>(dimensions);
  }

  get size(): number {
    return this.#slotOf.size;
  }

  add(id: number, vector: IndexVector): void {
    const { indices, values } = isDense(vector) ? sparseFromDense(vector) : vector;
    if (!this.#hasNegative && values.some((value) => value < 0)) this.#hasNegative = true;
    const slot = this.#slotIds.length;
    this.#indices.push(indices);
    this.#values.push(values);
    this.#slotIds.push(id);
    this.#slotOf.set(id, slot);
    if (slot >= this.#sums.length) {
      const sums = new Float64Array(this.#sums.length * 2);
      this.#sums = sums;
      const stamps = new Uint32Array(this.#stamps.length * 2);
      stamps.set(this.#stamps);
      this.#stamps = stamps;
    }
    this.#post(slot, indices, values);
  }

  remove(id: number): void {
    const slot = this.#slotOf.get(id);
    if (slot === undefined) return;
    this.#slotOf.delete(id);
    this.#indices[slot] = undefined;
    this.#values[slot] = undefined;
    this.#slotIds[slot] = -1;
    const dead = this.#slotIds.length - this.#slotOf.size;
    if (dead > Math.max(1024, this.#slotOf.size)) this.#compact();
  }

  search(query: Float32Array, minimumSimilarity: number, limit: number): VectorMatch[] {
    if (minimumSimilarity <= 0) return this.#scan(query, minimumSimilarity, limit);
    const dimensions: number[] = [];
    let remainingSquares = 0;
    let negativeQuery = false;
    for (let index = 0; index < query.length; index++) {
      const weight = query[index]!;
      if (weight === 0) continue;
      dimensions.push(index);
      remainingSquares += weight * weight;
      if (weight < 0) negativeQuery = true;
    }
    dimensions.sort((left, right) => Math.abs(query[right]!) - Math.abs(query[left]!));

    this.#epoch = (this.#epoch + 1) >>> 0;
    if (this.#epoch === 0) {
      this.#stamps.fill(0);
      this.#epoch = 1;
    }
    const epoch = this.#epoch;
    const stamps = this.#stamps;
    const sums = this.#sums;
    const touched: number[] = [];
    // A small margin keeps float rounding from ending the walk one dimension early.
    const floor = minimumSimilarity - 1e-6;
    // With no negative weight anywhere, a partial sum is a lower bound of its entry's cosine, so when
    // only the best match is wanted, nothing that cannot beat the best partial sum needs walking.
    const partialsBound = limit === 1 && !this.#hasNegative && !negativeQuery;
    let bestPartial = 0;
    const bar = () => Math.max(floor, bestPartial - 1e-6);

    let walked = 0;
    for (; walked < dimensions.length; walked++) {
      if (Math.sqrt(Math.max(remainingSquares, 0)) < bar()) break;
      const dimension = dimensions[walked]!;
      const weight = query[dimension]!;
      remainingSquares -= weight * weight;
      const list = this.#postings[dimension];
      if (list === undefined) continue;
      const { slots, weights, length } = list;
      for (let position = 0; position < length; position++) {
        const slot = slots[position]!;
        if (stamps[slot] !== epoch) {
          stamps[slot] = epoch;
          sums[slot] = 0;
          touched.push(slot);
        }
        const sum = (sums[slot]! += weight * weights[position]!);
        if (partialsBound && sum > bestPartial && this.#indices[slot] !== undefined) bestPartial = sum;
      }
    }

    let scored = touched;
    if (walked < dimensions.length) {
      const remainingNorm = Math.sqrt(Math.max(remainingSquares, 0));
      const needed = bar();
      scored = touched.filter((slot) => this.#indices[slot] !== undefined && sums[slot]! + remainingNorm >= needed);
      let listCost = 0;
      for (let rest = walked; rest < dimensions.length; rest++) listCost += this.#postings[dimensions[rest]!]?.length ?? 0;
      // Scoring an entry from its own vector costs a few cache misses per weight; a list is read in sequence.
      if (scored.length * 24 < listCost) {
        for (const slot of scored) sums[slot] = this.#dot(slot, query);
      } else {
        for (let rest = walked; rest < dimensions.length; rest++) {
          const dimension = dimensions[rest]!;
          const list = this.#postings[dimension];
          if (list === undefined) continue;
          const weight = query[dimension]!;
          const { slots, weights, length } = list;
          for (let position = 0; position < length; position++) {
            const slot = slots[position]!;
            if (stamps[slot] === epoch) sums[slot]! += weight * weights[position]!;
          }
        }
      }
    }

    const matches: VectorMatch[] = [];
    for (const slot of scored) {
      const similarity = sums[slot]!;
      if (similarity < minimumSimilarity || this.#indices[slot] === undefined) continue;
      insertRanked(matches, { id: this.#slotIds[slot]!, similarity }, limit);
    }
    return matches;
  }

  bytes(): number {
    let total = this.#sums.byteLength + this.#stamps.byteLength + this.#slotIds.length * 8 + this.#slotOf.size * 16;
    for (const indices of this.#indices) if (indices !== undefined) total += indices.byteLength * 2 + 64;
    for (const list of this.#postings) if (list !== undefined) total += list.slots.byteLength + list.weights.byteLength + 48;
    return total;
  }

  /** Every entry scored from its own vector: a floor at or below zero admits entries sharing no dimension. */
  #scan(query: Float32Array, minimumSimilarity: number, limit: number): VectorMatch[] {
    const matches: VectorMatch[] = [];
    for (const slot of this.#slotOf.values()) {
      const similarity = this.#dot(slot, query);
      if (similarity >= minimumSimilarity) insertRanked(matches, { id: this.#slotIds[slot]!, similarity }, limit);
    }
    return matches;
  }

  #dot(slot: number, query: Float32Array): number {
    const indices = this.#indices[slot]!;
    const values = this.#values[slot]!;
    let sum = 0;
    for (let entry = 0; entry < indices.length; entry++) sum += values[entry]! * query[indices[entry]!]!;
    return sum;
  }

  #post(slot: number, indices: Uint32Array, values: Float32Array): void {
    for (let entry = 0; entry < indices.length; entry++) {
      const dimension = indices[entry]!;
      let list = this.#postings[dimension];
      if (list === undefined) {
        list = new PostingList();
        this.#postings[dimension] = list;
      }
      list.push(slot, values[entry]!);
    }
  }

  #compact(): void {
    const indices = this.#indices;
    const values = this.#values;
    const ids = this.#slotIds;
    this.#postings = new Array<PostingList | undefined>(this.#dimensions);
    this.#indices = [];
    this.#values = [];
    this.#slotIds = [];
    this.#slotOf = new Map();
    this.#sums = new Float64Array(64);
    this.#stamps = new Uint32Array(64);
    this.#epoch = 0;
    indices.forEach((vectorIndices, slot) => {
      if (vectorIndices !== undefined) this.add(ids[slot]!, { indices: vectorIndices, values: values[slot]! });
    });
  }
}
