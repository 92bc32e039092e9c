import type { ErrorKind } from '../../protocols/errors/error-kind.ts';
import type { EmulatorState } from '../engine/emulator-state.ts';
import type { FaultKind } from '../faults/fault-kinds.ts';
import type { RateLimitState } from '../rate-limits/rate-limit-window.ts';
import { sendJson, type Exchange } from './exchange.ts';
import type { ProviderEdge } from './provider-edge.ts';

const ERROR_FAULTS: Partial<Record<FaultKind, { kind: ErrorKind; status?: number }>> = {
  rate_limit: { kind: 'rate_limit' },
  insufficient_quota: { kind: 'insufficient_quota' },
  server_error: { kind: 'server', status: 500 },
  bad_gateway: { kind: 'server', status: 502 },
  service_unavailable: { kind: 'unavailable' },
  overloaded: { kind: 'overloaded' },
};

/**
 * Answers with a fault that happens before any output: an error in the provider's shape (with
 * rate-limit headers and `retry-after` where the provider sends them), no answer at all (timeout),
 * or a dropped connection. Returns false for faults that only make sense inside a stream.
 */
export function respondWithFault(
  exchange: Exchange,
  state: EmulatorState,
  edge: ProviderEdge,
  contentType: string,
  fault: FaultKind,
  rateLimit: RateLimitState | undefined,
): boolean {
  if (fault === 'timeout') return true;
  if (fault === 'connection_reset') {
    exchange.reply.drop(true);
    return true;
  }
  const error = ERROR_FAULTS[fault];
  if (error === undefined) return false;
  const { status, body } = edge.error(error.kind, undefined, error.status === undefined ? {} : { status: error.status });
  const headers = edge.headers(state, contentType);
  if (rateLimit !== undefined) {
    const exhausted = fault === 'rate_limit' ? { ...rateLimit, remainingRequests: 0, remainingTokens: 0 } : rateLimit;
    edge.rateLimitHeaders(exhausted, state.clock.now(), headers);
  }
  if (status === 429 || status === 503 || status === 529) headers['retry-after'] = String(state.faults.retryAfterSeconds);
  sendJson(exchange, status, headers, body);
  return true;
}
