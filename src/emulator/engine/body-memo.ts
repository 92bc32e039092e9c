/** FNV-1a over the bytes, seeded per owner: cheap, and every hit is confirmed byte for byte. */
function hashBytes(bytes: Uint8Array, seed: number): number {
  let hash = (0x811c9dc5 ^ Math.imul(seed, 0x9e3779b1)) >>> 0;
  for (let index = 0; index < bytes.length; index++) hash = Math.imul(hash ^ (bytes[index] as number), 0x01000193);
  return hash >>> 0;
}

interface Entry<Owner, Value> {
  owner: Owner;
  body: Buffer;
  value: Value;
}

export interface BodyMemoLimits {
  maximumEntries: number;
  /** Total bytes of the bodies kept. */
  maximumBytes: number;
  /** Larger bodies are never kept. */
  maximumBodyBytes: number;
}

export const DEFAULT_BODY_MEMO_LIMITS: BodyMemoLimits = {
  maximumEntries: 4096,
  maximumBytes: 32 * 1024 * 1024,
  maximumBodyBytes: 1024 * 1024,
};


/**
 * What was worked out from a request body, by (owner, exact body bytes), least recently used
 * first out. The emulator keeps here what follows from the body alone (validation, decoding,
 * the prompt count, the planned answer), so a body sent again skips all of it; anything that
 * depends on time, the key or earlier requests is computed per request. A lookup hashes the
 * body and compares it byte for byte with the kept copy, so a hit is always the same body.
 * A body is kept the second time it is offered while its hash is still remembered (hashes of
 * up to twice `maximumEntries` bodies seen once): a load of ever-new prompts, or of more prompts
 * in turn than the memo holds, leaves only hashes behind, not thousands of kept requests that
 * would be evicted before their next use.
 */
export class BodyMemo<Owner, Value> {
  readonly #entries = new Map<number, Entry<Owner, Value>>();
  readonly #owners = new Map<Owner, number>();
  readonly #seen = new Set<number>();
  readonly #limits: BodyMemoLimits;
  #bytes = 0;
  /** The last body hashed and its key: `set` after a missed `get` does not hash it again. */
  #lastBody: Buffer | undefined;
  #lastOwner: Owner | undefined;
  #lastKey = 0;

  constructor(limits: BodyMemoLimits = DEFAULT_BODY_MEMO_LIMITS) {
    this.#limits = limits;
  }

  get size(): number {
    return this.#entries.size;
  }

  get(owner: Owner, body: Buffer): Value | undefined {
    if (body.byteLength > this.#limits.maximumBodyBytes) return undefined;
    const key = this.#key(owner, body);
    const entry = this.#entries.get(key);
    if (entry === undefined || entry.owner !== owner || !entry.body.equals(body)) return undefined;
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    return entry.value;
  }

  /** Offers a value for this body; true when it is kept (the body's second offer, within the limits). */
  set(owner: Owner, body: Buffer, value: Value): boolean {
    const limits = this.#limits;
    if (body.byteLength > limits.maximumBodyBytes || limits.maximumEntries === 0 || body.byteLength > limits.maximumBytes) return false;
    const key = this.#key(owner, body);
    if (!this.#seen.has(key)) {
      if (this.#seen.size >= 2 * limits.maximumEntries) this.#seen.clear();
      this.#seen.add(key);
      return false;
    }
    const previous = this.#entries.get(key);
    if (previous !== undefined) {
      this.#entries.delete(key);
      this.#bytes -= previous.body.byteLength;
    }
    // A copy: the body may be a view into a much larger socket buffer.
    this.#entries.set(key, { owner, body: Buffer.from(body), value });
    this.#bytes += body.byteLength;
    while (this.#entries.size > limits.maximumEntries || this.#bytes > limits.maximumBytes) {
      const [oldestKey, oldest] = this.#entries.entries().next().value as [number, Entry<Owner, Value>];
      this.#entries.delete(oldestKey);
      this.#bytes -= oldest.body.byteLength;
    }
    return this.#entries.get(key)?.value === value;
  }

  clear(): void {
    this.#entries.clear();
    this.#owners.clear();
    this.#seen.clear();
    this.#bytes = 0;
    this.#lastBody = undefined;
  }

  #key(owner: Owner, body: Buffer): number {
    if (body === this.#lastBody && owner === this.#lastOwner) return this.#lastKey;
    let id = this.#owners.get(owner);
    if (id === undefined) {
      id = this.#owners.size + 1;
      this.#owners.set(owner, id);
    }
    this.#lastBody = body;
    this.#lastOwner = owner;
    this.#lastKey = hashBytes(body, id);
    return this.#lastKey;
  }
}
