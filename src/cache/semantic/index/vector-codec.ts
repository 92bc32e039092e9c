import { endianness } from 'node:os';
import type { SparseVector } from '../../embedders/sparse-vector.ts';

export type IndexVector = Float32Array | SparseVector;

const DENSE = 0;
const SPARSE = 1;

export function isDense(vector: IndexVector): vector is Float32Array {
  return vector instanceof Float32Array;
}

/** Sparse when it saves space: one layout byte, then the count, indices and values (little-endian). */
export function encodeVector(vector: IndexVector): Uint8Array {
  if (isDense(vector)) {
    let nonZero = 0;
    for (const value of vector) if (value !== 0) nonZero++;
    if (nonZero * 2 >= vector.length) {
      const bytes = new Uint8Array(1 + vector.length * 4);
      const view = new DataView(bytes.buffer);
      bytes[0] = DENSE;
      vector.forEach((value, index) => view.setFloat32(1 + index * 4, value, true));
      return bytes;
    }
    const indices: number[] = [];
    vector.forEach((value, index) => value !== 0 && indices.push(index));
    return encodeVector({ indices: Uint32Array.from(indices), values: Float32Array.from(indices, (index) => vector[index]!) });
  }
  const count = vector.indices.length;
  const bytes = new Uint8Array(1 + 4 + count * 8);
  const view = new DataView(bytes.buffer);
  bytes[0] = SPARSE;
  view.setUint32(1, count, true);
  for (let entry = 0; entry < count; entry++) {
    view.setUint32(5 + entry * 4, vector.indices[entry]!, true);
    view.setFloat32(5 + count * 4 + entry * 4, vector.values[entry]!, true);
  }
  return bytes;
}

const LITTLE_ENDIAN = endianness() === 'LE';

export function decodeVector(bytes: Uint8Array): IndexVector {
  if (LITTLE_ENDIAN) {
    // One aligned copy; the typed arrays are views on it.
    const body = bytes.slice(bytes[0] === DENSE ? 1 : 5).buffer;
    if (bytes[0] === DENSE) return new Float32Array(body);
    const count = body.byteLength / 8;
    return { indices: new Uint32Array(body, 0, count), values: new Float32Array(body, count * 4, count) };
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes[0] === DENSE) {
    return Float32Array.from({ length: (bytes.length - 1) / 4 }, (_, index) => view.getFloat32(1 + index * 4, true));
  }
  const count = view.getUint32(1, true);
  return {
    indices: Uint32Array.from({ length: count }, (_, entry) => view.getUint32(5 + entry * 4, true)),
    values: Float32Array.from({ length: count }, (_, entry) => view.getFloat32(5 + count * 4 + entry * 4, true)),
  };
}

/** The same vector scaled to unit length (cosine = dot product); a zero vector stays zero. */
export function unitLength(vector: IndexVector): IndexVector {
  const values = isDense(vector) ? vector : vector.values;
  let squares = 0;
  for (const value of values) squares += value * value;
  const norm = Math.sqrt(squares);
  if (norm === 0 || Math.abs(norm - 1) < 1e-6) return vector;
  const scaled = Float32Array.from(values, (value) => value / norm);
  return isDense(vector) ? scaled : { indices: vector.indices, values: scaled };
}

export function nonZeroCount(vector: IndexVector): number {
  if (!isDense(vector)) return vector.indices.length;
  let count = 0;
  for (const value of vector) if (value !== 0) count++;
  return count;
}
