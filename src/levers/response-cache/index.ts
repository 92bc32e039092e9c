/** The exact response cache: key, policy, backends and stream replay (docs/levers.md). */
export { normalizeForCache, responseCacheKey, type CacheScope } from './cache-key.ts';
export {
  CACHE_HEADER,
  CACHE_TTL_HEADER,
  decideCaching,
  DEFAULT_PROVIDER_TEMPERATURE,
  DEFAULT_TTL_SECONDS,
  isNonDeterministic,
  type CacheDecision,
  type CacheDecisionInput,
  type CacheReason,
  type RouteCachePolicy,
} from './cache-policy.ts';
export type { CachedResponse, ResponseCacheBackend } from './backend.ts';
export { MemoryBackend, type MemoryBackendOptions } from './memory-backend.ts';
export { SqliteBackend, type SqliteBackendOptions } from './sqlite-backend.ts';
export { RedisBackend, type RedisBackendOptions } from './redis-backend.ts';
export { ResponseCache, type CacheLookup, type ResponseCacheOptions } from './response-cache.ts';
export { replayAsStream, responseFromStream } from './stream-replay.ts';
