import type { Protocol } from '../canonical/protocol.ts';
import { anthropicError } from './anthropic-error-body.ts';
import type { ErrorKind } from './error-kind.ts';
import { geminiError } from './gemini-error-body.ts';
import { openAIError } from './openai-error-body.ts';

export interface ErrorResponseOptions {
  kind?: ErrorKind;
  status?: number;
  message?: string;
  /** Anthropic: the body's `request_id`. */
  requestId?: string;
}

/**
 * The error response a provider sends for a kind (or status), in that protocol's shape:
 * e.g. overload is Anthropic 529 `overloaded_error`, OpenAI 503 `server_error`, Gemini 503
 * UNAVAILABLE; an unknown key is OpenAI 401 `invalid_api_key`, Gemini 400 API_KEY_INVALID.
 */
export function errorResponse(protocol: Protocol, options: ErrorResponseOptions): { status: number; body: unknown } {
  const common = {
    ...(options.kind === undefined ? {} : { kind: options.kind }),
    ...(options.status === undefined ? {} : { status: options.status }),
    ...(options.message === undefined ? {} : { message: options.message }),
  };
  switch (protocol) {
    case 'openai-chat':
      return openAIError(common);
    case 'anthropic-messages':
      return anthropicError(options.requestId === undefined ? common : { ...common, requestId: options.requestId });
    case 'gemini':
      return geminiError(common);
  }
}
