import { seededRandom, type Random } from './seeded-random.ts';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
/** Every two-character string over the alphabet (62 × 62): one draw picks four characters. */
const PAIRS: string[] = [];
for (const first of ALPHABET) for (const second of ALPHABET) PAIRS.push(first + second);
const PAIR_COUNT = PAIRS.length;

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
    let left = length;
    for (; left >= 4; left -= 4) {
      const draw = Math.floor(this.#random.next() * PAIR_COUNT * PAIR_COUNT);
      id += (PAIRS[draw % PAIR_COUNT] as string) + (PAIRS[Math.floor(draw / PAIR_COUNT)] as string);
    }
    for (; left > 0; left--) id += ALPHABET[Math.floor(this.#random.next() * ALPHABET.length)];
    return id;
  }
}
