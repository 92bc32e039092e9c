/** A vector stored by its non-zero entries, indices ascending. */
export interface SparseVector {
  indices: Uint32Array;
  values: Float32Array;
}

export function sparseFromDense(vector: Float32Array): SparseVector {
  let count = 0;
  for (let index = 0; index < vector.length; index++) if (vector[index] !== 0) count++;
  const indices = new Uint32Array(count);
  const values = new Float32Array(count);
  let next = 0;
  for (let index = 0; index < vector.length; index++) {
    const value = vector[index]!;
    if (value === 0) continue;
    indices[next] = index;
    values[next] = value;
    next++;
  }
  return { indices, values };
}

export function denseFromSparse(sparse: SparseVector, dimensions: number): Float32Array {
  const vector = new Float32Array(dimensions);
  for (let entry = 0; entry < sparse.indices.length; entry++) vector[sparse.indices[entry]!] = sparse.values[entry]!;
  return vector;
}

/** Builds a unit-length sparse vector from bucket → weight. */
export function unitSparse(weights: Map<number, number>): SparseVector {
  const indices = Uint32Array.from(weights.keys()).sort();
  const values = new Float32Array(indices.length);
  let squares = 0;
  for (const weight of weights.values()) squares += weight * weight;
  const norm = Math.sqrt(squares) || 1;
  for (let entry = 0; entry < indices.length; entry++) values[entry] = weights.get(indices[entry]!)! / norm;
  return { indices, values };
}

export function sparseDot(left: SparseVector, right: SparseVector): number {
  let sum = 0;
  let i = 0;
  let j = 0;
  while (i < left.indices.length && j < right.indices.length) {
    const a = left.indices[i]!;
    const b = right.indices[j]!;
    if (a === b) {
      sum += left.values[i]! * right.values[j]!;
      i++;
      j++;
    } else if (a < b) {
      i++;
    } else {
      j++;
    }
  }
  return sum;
}
