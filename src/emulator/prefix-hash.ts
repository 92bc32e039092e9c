/**
 * Incremental 53-bit string hash (cyrb53 state carried across updates). Hashing the blocks of a
 * prompt one after another gives one digest per prefix, which is how the cache simulations
 * recognise a prompt that starts like an earlier one.
 */
export class PrefixHasher {
  #h1: number;
  #h2: number;

  constructor(seed = 0) {
    this.#h1 = 0xdeadbeef ^ seed;
    this.#h2 = 0x41c6ce57 ^ seed;
  }

  update(text: string): this {
    let h1 = this.#h1;
    let h2 = this.#h2;
    for (let index = 0; index < text.length; index++) {
      const code = text.charCodeAt(index);
      h1 = Math.imul(h1 ^ code, 2654435761);
      h2 = Math.imul(h2 ^ code, 1597334677);
    }
    // A separator so that ["ab", "c"] and ["a", "bc"] differ.
    h1 = Math.imul(h1 ^ 0x1f, 2654435761);
    h2 = Math.imul(h2 ^ 0x1f, 1597334677);
    this.#h1 = h1;
    this.#h2 = h2;
    return this;
  }

  /** The digest of everything hashed so far; the hasher stays usable. */
  digest(): number {
    let h1 = Math.imul(this.#h1 ^ (this.#h1 >>> 16), 2246822507);
    h1 ^= Math.imul(this.#h2 ^ (this.#h2 >>> 13), 3266489909);
    let h2 = Math.imul(this.#h2 ^ (this.#h2 >>> 16), 2246822507);
    h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
    return 4294967296 * (2097151 & h2) + (h1 >>> 0);
  }
}

/** One-shot 53-bit hash of a string. */
export function hashText(text: string, seed = 0): number {
  return new PrefixHasher(seed).update(text).digest();
}
