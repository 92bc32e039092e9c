import { seededRandom, type Random } from './seeded-random.ts';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/**
 * Unique, deterministic identifiers in each provider's style (`chatcmpl-…`, `msg_01…`, `req_…`):
 * drawn from a generator seeded by the emulator seed, so two runs with the same seed and the same
 * request order hand out the same ids.
 */
export class IdGenerator {
  readonly #random: Random;

  constructor(seed: number) {
    this.#random = seededRandom(seed ^ 0x5bd1e995);
  }

  next(prefix: string, length: number): string {
    let id = prefix;
    for (let index = 0; index < length; index++) id += ALPHABET[Math.floor(this.#random.next() * 62)];
    return id;
  }
}
