import { createHash } from 'node:crypto';

/**
 * JSON text with object keys sorted and undefined members left out, so two values that are
 * equal as data always serialize to the same text (and so hash to the same key).
 */
export function stableJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map((item) => (item === undefined ? null : sortKeys(item)));
  if (value === null || typeof value !== 'object') return value;
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    const member = (value as Record<string, unknown>)[key];
    if (member !== undefined) sorted[key] = sortKeys(member);
  }
  return sorted;
}

/** Hex SHA-256 of `text`. */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * A JSON.stringify replacer dropping prompt-cache hints (`cache: { ttl }`, nothing else): they
 * change billing, never the prompt's content or the answer.
 */
export function withoutCacheHints(key: string, value: unknown): unknown {
  if (key === 'cache' && typeof value === 'object' && value !== null && Object.keys(value).length === 1 && 'ttl' in value) return undefined;
  return value;
}
