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
      let similarity = 0;
      for (let index = 0; index < width; index++) similarity += matrix[offset + index]! * query[index]!;
      if (similarity >= minimumSimilarity) insertRanked(matches, { id: this.#ids[slot]!, similarity }, limit);
    }
    return matches;
  }

  bytes(): number {
    return this.#matrix.byteLength + this.#ids.byteLength + this.#slots.size * 16;
  }
}
