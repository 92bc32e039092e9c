import { isDense, type IndexVector } from './vector-codec.ts';
import { insertRanked, type ScopeIndex, type VectorMatch } from './scope-index.ts';

/**
 * Every vector in one contiguous Float32Array, scanned in full on each search: the layout for
 * dense embeddings (provider models), where an inverted index would list every entry anyway.
 */
export class DenseScopeIndex implements ScopeIndex {
  readonly #dimensions: number;
  #matrix: Float32Array;
  #ids: Int32Array;
  #count = 0;
  readonly #slots = new Map<number, number>();

  constructor(dimensions: number) {
    this.#dimensions = dimensions;
    this.#matrix = new Float32Array(dimensions * 16);
    this.#ids = new Int32Array(16);
  }

  get size(): number {
    return this.#count;
  }

  add(id: number, vector: IndexVector): void {
    if (this.#count === this.#ids.length) {
      const matrix = new Float32Array(this.#matrix.length * 2);
      matrix.set(this.#matrix);
      this.#matrix = matrix;
      const ids = new Int32Array(this.#ids.length * 2);
      ids.set(this.#ids);
      this.#ids = ids;
    }
    const offset = this.#count * this.#dimensions;
    if (isDense(vector)) {
      this.#matrix.set(vector, offset);
    } else {
      this.#matrix.fill(0, offset, offset + this.#dimensions);
      vector.indices.forEach((index, entry) => (this.#matrix[offset + index] = vector.values[entry]!));
    }
    this.#ids[this.#count] = id;
    this.#slots.set(id, this.#count);
    this.#count++;
  }

  remove(id: number): void {
    const slot = this.#slots.get(id);
    if (slot === undefined) return;
    this.#slots.delete(id);
    const last = this.#count - 1;
    if (slot !== last) {
      const width = this.#dimensions;
      this.#matrix.copyWithin(slot * width, last * width, last * width + width);
      const movedId = this.#ids[last]!;
      this.#ids[slot] = movedId;
      this.#slots.set(movedId, slot);
    }
    this.#count = last;
  }

  search(query: Float32Array, minimumSimilarity: number, limit: number): VectorMatch[] {
    const matches: VectorMatch[] = [];
    const width = this.#dimensions;
    const matrix = this.#matrix;
    for (let slot = 0; slot < this.#count; slot++) {
      const offset = slot * width;
      // Four running sums let the CPU overlap the multiplications.
      let first = 0;
      let second = 0;
      let third = 0;
      let fourth = 0;
      let index = 0;
      for (; index + 3 < width; index += 4) {
        first += matrix[offset + index]! * query[index]!;
        second += matrix[offset + index + 1]! * query[index + 1]!;
        third += matrix[offset + index + 2]! * query[index + 2]!;
        fourth += matrix[offset + index + 3]! * query[index + 3]!;
      }
      for (; index < width; index++) first += matrix[offset + index]! * query[index]!;
      const similarity = first + second + third + fourth;
      if (similarity >= minimumSimilarity) insertRanked(matches, { id: this.#ids[slot]!, similarity }, limit);
    }
    return matches;
  }

  bytes(): number {
    return this.#matrix.byteLength + this.#ids.byteLength + this.#slots.size * 16;
  }
}
