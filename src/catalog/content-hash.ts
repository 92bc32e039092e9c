import { createHash } from 'node:crypto';

/** A short, stable fingerprint of a file's content, used in catalog version strings. */
export function contentHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 8);
}
