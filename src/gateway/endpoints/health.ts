import type { ServerResponse } from 'node:http';
import type { Gateway } from '../gateway.ts';
import { sendJson } from '../http/send.ts';
import type { StorageHealth } from '../storage-health.ts';

/** GET /healthz: the process is up and serving. */
export function handleHealth(response: ServerResponse): void {
  sendJson(response, 200, { status: 'ok' });
}

/** GET /readyz: configuration loaded, storage open and keeping up, not shutting down. */
export function handleReady(gateway: Gateway, health: StorageHealth, response: ServerResponse): void {
  const problem = gateway.draining ? 'shutting down' : health.problem();
  if (problem !== undefined) {
    sendJson(response, 503, { status: 'unavailable', reason: problem });
    return;
  }
  sendJson(response, 200, { status: 'ready', storage: gateway.config.storage.backend, config: gateway.config.source ?? '(defaults)' });
}
