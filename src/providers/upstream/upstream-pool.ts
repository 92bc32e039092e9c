import { Agent } from 'undici';
import type { ServerConfig } from '../../config/types.ts';

/**
 * One keep-alive connection pool for every upstream origin. Connections are reused across
 * requests (no per-call handshake); the connect timeout applies to each new connection,
 * the first-byte and idle-stream timeouts to each request.
 */
export function createUpstreamPool(timeouts: ServerConfig['timeouts']): Agent {
  return new Agent({
    connectTimeout: timeouts.connectMs,
    headersTimeout: timeouts.firstByteMs,
    bodyTimeout: timeouts.idleStreamMs,
    keepAliveTimeout: 30_000,
    keepAliveMaxTimeout: 600_000,
  });
}
