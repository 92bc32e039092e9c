import { errorKindForStatus } from '../../protocols/errors/error-kind.ts';
import { errorKindForGeminiStatus } from '../../protocols/errors/gemini-error-body.ts';
import type { UpstreamErrorInfo } from '../provider-adapter.ts';
import { readErrorFallback } from '../read-error-fallback.ts';

/** `{ error: { code, message, status } }`; some Google front ends wrap it in a one-element array. */
export function readGeminiError(status: number, body: unknown): UpstreamErrorInfo {
  const outer = Array.isArray(body) ? body[0] : body;
  const error = typeof outer === 'object' && outer !== null ? (outer as Record<string, unknown>)['error'] : undefined;
  if (typeof error !== 'object' || error === null) return readErrorFallback(status, body);
  const fields = error as Record<string, unknown>;
  const named = errorKindForGeminiStatus(fields['status']);
  const kind = named === 'server' && status < 500 ? errorKindForStatus(status) : named;
  const message = typeof fields['message'] === 'string' && fields['message'] !== '' ? fields['message'] : readErrorFallback(status, undefined).message;
  return { kind, message };
}
