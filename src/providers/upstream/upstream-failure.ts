import { FrugalError } from '../../errors/frugal-error.ts';
import type { ServerConfig } from '../../config/types.ts';

/** Stable error classes of a call that got no usable answer from upstream, as the ledger stores them. */
export type UpstreamFailureClass =
  | 'upstream_connect_timeout'
  | 'upstream_first_byte_timeout'
  | 'upstream_idle_timeout'
  | 'upstream_unreachable'
  | 'upstream_connection_lost'
  | 'client_disconnected';

const CONNECT_REFUSED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

/**
 * A transport failure of the upstream call as a FrugalError with its error class. The
 * message names the provider, never its URL or key: clients must not learn either.
 */
export function upstreamFailure(error: unknown, provider: string, timeouts: ServerConfig['timeouts']): FrugalError {
  const code = (error as { code?: unknown } | null)?.code;
  const name = (error as { name?: unknown } | null)?.name;
  const fail = (frugalCode: 'FRUGAL_UPSTREAM_TIMEOUT' | 'FRUGAL_UPSTREAM_UNREACHABLE', errorClass: UpstreamFailureClass, message: string) =>
    new FrugalError(frugalCode, message, { errorClass, provider });
  if (FrugalError.isInstance(error)) return error;
  if (code === 'UND_ERR_CONNECT_TIMEOUT') {
    return fail('FRUGAL_UPSTREAM_TIMEOUT', 'upstream_connect_timeout', `provider "${provider}" did not accept a connection within ${timeouts.connectMs} ms (server.timeouts.connectMs)`);
  }
  if (code === 'UND_ERR_HEADERS_TIMEOUT') {
    return fail('FRUGAL_UPSTREAM_TIMEOUT', 'upstream_first_byte_timeout', `provider "${provider}" did not start answering within ${timeouts.firstByteMs} ms (server.timeouts.firstByteMs)`);
  }
  if (code === 'UND_ERR_BODY_TIMEOUT') {
    return fail('FRUGAL_UPSTREAM_TIMEOUT', 'upstream_idle_timeout', `provider "${provider}" sent nothing for ${timeouts.idleStreamMs} ms (server.timeouts.idleStreamMs)`);
  }
  if (code === 'UND_ERR_ABORTED' || name === 'AbortError') {
    return fail('FRUGAL_UPSTREAM_UNREACHABLE', 'client_disconnected', 'the client disconnected before the upstream call finished');
  }
  if (typeof code === 'string' && CONNECT_REFUSED.has(code)) {
    return fail('FRUGAL_UPSTREAM_UNREACHABLE', 'upstream_unreachable', `provider "${provider}" could not be reached (${code})`);
  }
  const reason = typeof code === 'string' ? code : 'connection closed';
  return fail('FRUGAL_UPSTREAM_UNREACHABLE', 'upstream_connection_lost', `the connection to provider "${provider}" failed (${reason})`);
}
