import type { CanonicalRequest } from '../../protocols/canonical/request.ts';
import { sha256Hex, stableJson, withoutCacheHints } from '../canonical-json/stable-json.ts';

/** Who may read an entry: the tenant (virtual key's team or app) and the route it came through. */
export interface CacheScope {
  tenant: string;
  route: string;
}

/** Bump when the normalization changes, so old entries are never read with a new meaning. */
const KEY_VERSION = 1;

/**
 * Fields that cannot change the generated text: transport (`stream`, `streamIncludeUsage`),
 * prompt-cache hints and keys (`cache`), end-user and metadata tags, and the service tier.
 */
const IGNORED = new Set<keyof CanonicalRequest>(['stream', 'streamIncludeUsage', 'cache', 'user', 'metadata', 'serviceTier']);

/** The request reduced to what changes the output: every generation field kept, stop sequences as a set. */
export function normalizeForCache(request: CanonicalRequest): Record<string, unknown> {
  const normalized: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(request)) {
    if (value === undefined || IGNORED.has(field as keyof CanonicalRequest)) continue;
    normalized[field] = value;
  }
  if (request.stop !== undefined) normalized.stop = [...new Set(request.stop)].sort();
  return JSON.parse(JSON.stringify(normalized, withoutCacheHints)) as Record<string, unknown>;
}

/**
 * The exact-cache key: a hash of the scope and the normalized request. Two requests share a
 * key only when every output-changing parameter, the tenant and the route are equal.
 */
export function responseCacheKey(scope: CacheScope, request: CanonicalRequest): string {
  return `exact:v${KEY_VERSION}:${sha256Hex(stableJson({ tenant: scope.tenant, route: scope.route, request: normalizeForCache(request) }))}`;
}
