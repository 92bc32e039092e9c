import type { CanonicalResponse } from '../../protocols/canonical/response.ts';

/** One stored response, with the scope that may read it. */
export interface CachedResponse {
  tenant: string;
  route: string;
  response: CanonicalResponse;
  /** Milliseconds since the epoch. */
  storedAt: number;
}

/**
 * Where exact-cache entries live. Every backend passes the same cases
 * (backend-cases.ts): expired entries are never returned, values come back as copies.
 */
export interface ResponseCacheBackend {
  get(key: string): Promise<CachedResponse | undefined>;
  set(key: string, entry: CachedResponse, ttlMs: number): Promise<void>;
  delete(key: string): Promise<void>;
  close(): Promise<void>;
}

/** What a backend stores under a key: the entry and when it stops being served. */
export interface StoredValue {
  entry: CachedResponse;
  expiresAt: number;
}
