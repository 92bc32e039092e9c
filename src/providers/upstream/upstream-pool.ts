import { createRequire } from 'node:module';
import type { Agent } from 'undici';
import type { ServerConfig } from '../../config/types.ts';

/**
 * undici's Agent on its own: the package's index also loads fetch, WebSocket, the caches
 * and the mock agents, about 10 MB of resident memory the gateway would never use.
 */
const UndiciAgent = createRequire(import.meta.url)('undici/lib/dispatcher/agent.js') as typeof Agent;

/**
 * One keep-alive connection pool for every upstream origin. Connections are reused across
 * requests (no per-call handshake) and opened as calls need them, one per call in flight:
 * undici never pipelines a POST, and a cap would only queue calls behind slow streams. The
 * connect timeout applies to each new connection, the first-byte and idle-stream timeouts
 * to each request. An idle connection is kept 30 s, or for as long as the upstream's
 * `keep-alive: timeout` allows (up to 10 minutes).
 */
export function createUpstreamPool(timeouts: ServerConfig['timeouts']): Agent {
  return new UndiciAgent({
    connectTimeout: timeouts.connectMs,
    headersTimeout: timeouts.firstByteMs,
    bodyTimeout: timeouts.idleStreamMs,
    keepAliveTimeout: 30_000,
    keepAliveMaxTimeout: 600_000,
  });
}
