import { errorKindForStatus } from '../../protocols/errors/error-kind.ts';
import { errorKindForOpenAIError } from '../../protocols/errors/openai-error-body.ts';
import type { UpstreamErrorInfo } from '../provider-adapter.ts';
import { readErrorFallback } from '../read-error-fallback.ts';

/** `{ error: { message, type, code } }` from OpenAI and the hosts that copy its shape. */
export function readOpenAIError(status: number, body: unknown): UpstreamErrorInfo {
  const error = typeof body === 'object' && body !== null ? (body as Record<string, unknown>)['error'] : undefined;
  if (typeof error !== 'object' || error === null) return readErrorFallback(status, body);
  const fields = error as Record<string, unknown>;
  const named = errorKindForOpenAIError(fields);
  const kind = named === 'server' && status < 500 ? errorKindForStatus(status) : named;
  const message = typeof fields['message'] === 'string' && fields['message'] !== '' ? fields['message'] : readErrorFallback(status, undefined).message;
  return { kind, message };
}
