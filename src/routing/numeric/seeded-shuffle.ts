/** A small deterministic generator (mulberry32) so training is reproducible. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Fisher–Yates shuffle of 0 … length−1 with a seeded generator. */
export function shuffledIndices(length: number, random: () => number): Uint32Array {
  const order = new Uint32Array(length);
  for (let index = 0; index < length; index++) order[index] = index;
  for (let index = length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1));
    const swap = order[index]!;
    order[index] = order[other]!;
    order[other] = swap;
  }
  return order;
}
