/**
 * 32-bit FNV-1a over UTF-16 code units, finished with murmur3's avalanche so nearby strings
 * spread evenly (used for split assignment and feature hashing; not cryptographic).
 */
export function hashString(text: string, seed = 0): number {
  let hash = (0x811c9dc5 ^ seed) >>> 0;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}

/** A number in [0, 1) fixed by the text and the salt. */
export function hashUnit(text: string, salt: string): number {
  return hashString(`${salt}\u0000${text}`) / 4_294_967_296;
}
