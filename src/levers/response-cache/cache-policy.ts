import { FrugalError } from '../../errors/frugal-error.ts';
import type { CanonicalRequest } from '../../protocols/canonical/request.ts';

/** A route's response-cache settings. */
export interface RouteCachePolicy {
  /** Cache this route's responses without a request header asking for it. */
  enabled: boolean;
  /** Seconds an entry lives unless the request's `x-frugal-cache-ttl` says otherwise. */
  ttlSeconds: number;
  /** Also cache sampled requests (temperature > 0, n > 1): the route accepts one sample replayed. */
  allowNonDeterministic?: boolean;
}

export const CACHE_HEADER = 'x-frugal-cache';
export const CACHE_TTL_HEADER = 'x-frugal-cache-ttl';
export const DEFAULT_TTL_SECONDS = 3600;
/** OpenAI and Anthropic both sample at temperature 1 when the request leaves it unset. */
export const DEFAULT_PROVIDER_TEMPERATURE = 1;

export type CacheReason = 'route' | 'header-on' | 'refresh' | 'header-off' | 'not-enabled' | 'non-deterministic';

export interface CacheDecision {
  /** Look the response up before calling upstream. */
  read: boolean;
  /** Store the upstream response. */
  write: boolean;
  ttlSeconds: number;
  reason: CacheReason;
}

export interface CacheDecisionInput {
  /** Request headers, lower-case names (Node's IncomingHttpHeaders fits). */
  headers: Readonly<Record<string, string | string[] | undefined>>;
  route: RouteCachePolicy | undefined;
  request: CanonicalRequest;
  /** The upstream's temperature when the request sets none. Default 1. */
  providerDefaultTemperature?: number;
}

function header(headers: CacheDecisionInput['headers'], name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Sampled output: a replay would be one sample among many. */
export function isNonDeterministic(request: CanonicalRequest, providerDefaultTemperature = DEFAULT_PROVIDER_TEMPERATURE): boolean {
  const temperature = request.temperature ?? providerDefaultTemperature;
  return temperature > 0 || (request.candidateCount ?? 1) > 1;
}

/**
 * Whether to read and write the exact cache for one request: opt-in per route, or per
 * request with `x-frugal-cache: on`; `off` bypasses it; `refresh` skips the read and
 * overwrites the entry. Sampled requests are never cached unless the route allows them.
 */
export function decideCaching(input: CacheDecisionInput): CacheDecision {
  const mode = header(input.headers, CACHE_HEADER)?.trim().toLowerCase();
  if (mode !== undefined && mode !== 'on' && mode !== 'off' && mode !== 'refresh') {
    throw new FrugalError('FRUGAL_INVALID_REQUEST', `header ${CACHE_HEADER} is "${mode}"; expected on, off or refresh`, { header: CACHE_HEADER, value: mode });
  }
  const ttlSeconds = parseTtl(header(input.headers, CACHE_TTL_HEADER)) ?? input.route?.ttlSeconds ?? DEFAULT_TTL_SECONDS;
  const none = (reason: CacheReason): CacheDecision => ({ read: false, write: false, ttlSeconds, reason });
  if (mode === 'off') return none('header-off');
  if (mode === undefined && input.route?.enabled !== true) return none('not-enabled');
  if (isNonDeterministic(input.request, input.providerDefaultTemperature) && input.route?.allowNonDeterministic !== true) return none('non-deterministic');
  if (mode === 'refresh') return { read: false, write: true, ttlSeconds, reason: 'refresh' };
  return { read: true, write: true, ttlSeconds, reason: mode === 'on' ? 'header-on' : 'route' };
}

function parseTtl(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const seconds = Number(value.trim());
  if (!Number.isSafeInteger(seconds) || seconds <= 0) {
    throw new FrugalError('FRUGAL_INVALID_REQUEST', `header ${CACHE_TTL_HEADER} is "${value}"; expected a whole number of seconds above 0`, { header: CACHE_TTL_HEADER, value });
  }
  return seconds;
}
