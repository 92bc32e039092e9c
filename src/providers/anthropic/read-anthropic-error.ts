import { errorKindForAnthropicType } from '../../protocols/errors/anthropic-error-body.ts';
import type { UpstreamErrorInfo } from '../provider-adapter.ts';
import { readErrorFallback } from '../read-error-fallback.ts';

/** `{ type: "error", error: { type, message } }`, in a response body or an `event: error`. */
export function readAnthropicError(status: number, body: unknown): UpstreamErrorInfo {
  const error = typeof body === 'object' && body !== null ? (body as Record<string, unknown>)['error'] : undefined;
  if (typeof error !== 'object' || error === null) return readErrorFallback(status, body);
  const fields = error as Record<string, unknown>;
  const message = typeof fields['message'] === 'string' && fields['message'] !== '' ? fields['message'] : readErrorFallback(status, undefined).message;
  return { kind: errorKindForAnthropicType(fields['type']), message };
}
