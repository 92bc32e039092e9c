import type { CanonicalRequest } from '../../protocols/canonical/request.ts';
import type { CanonicalResponse } from '../../protocols/canonical/response.ts';
import type { ResponseCacheBackend } from './backend.ts';
import { responseCacheKey, type CacheScope } from './cache-key.ts';
import type { CacheDecision } from './cache-policy.ts';

export type CacheLookup =
  | { status: 'hit'; key: string; response: CanonicalResponse; storedAt: number }
  | { status: 'miss'; key: string }
  /** The decision neither reads nor writes: no key computed. */
  | { status: 'bypass' };

export interface ResponseCacheOptions {
  backend: ResponseCacheBackend;
  /** Milliseconds since the epoch, stamped on stored entries. Default Date.now. */
  clock?: () => number;
}

/**
 * The exact response cache in front of upstream calls: `lookup` before the call (a hit is
 * answered without any attempt), `store` after a complete answer.
 */
export class ResponseCache {
  readonly backend: ResponseCacheBackend;
  readonly #clock: () => number;

  constructor(options: ResponseCacheOptions) {
    this.backend = options.backend;
    this.#clock = options.clock ?? Date.now;
  }

  async lookup(scope: CacheScope, request: CanonicalRequest, decision: CacheDecision): Promise<CacheLookup> {
    if (!decision.read && !decision.write) return { status: 'bypass' };
    const key = responseCacheKey(scope, request);
    if (!decision.read) return { status: 'miss', key };
    const entry = await this.backend.get(key);
    // The key already covers the scope; checking it again costs nothing and guards the tenant boundary.
    if (entry === undefined || entry.tenant !== scope.tenant || entry.route !== scope.route) return { status: 'miss', key };
    return { status: 'hit', key, response: entry.response, storedAt: entry.storedAt };
  }

  /** Stores a complete response (every choice has a stop reason); returns whether it was stored. */
  async store(scope: CacheScope, request: CanonicalRequest, response: CanonicalResponse, decision: CacheDecision): Promise<boolean> {
    if (!decision.write || response.choices.length === 0 || response.choices.some((choice) => choice.stopReason === null)) return false;
    const entry = { tenant: scope.tenant, route: scope.route, response, storedAt: this.#clock() };
    await this.backend.set(responseCacheKey(scope, request), entry, decision.ttlSeconds * 1000);
    return true;
  }
}
