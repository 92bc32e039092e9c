import { errorKindForStatus } from '../protocols/errors/error-kind.ts';
import type { UpstreamErrorInfo } from './provider-adapter.ts';

/**
 * An error body in no known shape (a proxy's HTML page, FastAPI's `{"detail": ...}`, a bare
 * string): the kind comes from the status, the message from the first readable field.
 */
export function readErrorFallback(status: number, body: unknown): UpstreamErrorInfo {
  const kind = errorKindForStatus(status);
  if (typeof body === 'string' && body.trim() !== '') return { kind, message: body.trim().slice(0, 500) };
  if (typeof body === 'object' && body !== null) {
    const object = body as Record<string, unknown>;
    for (const field of ['error', 'message', 'detail']) {
      const value = object[field];
      if (typeof value === 'string' && value !== '') return { kind, message: value };
    }
  }
  return { kind, message: `the upstream provider answered HTTP ${status}` };
}
