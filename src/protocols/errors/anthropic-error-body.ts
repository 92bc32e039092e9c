import { errorKindForStatus, type ErrorKind } from './error-kind.ts';

/** Anthropic's error body (`ErrorResponse`); `request_id` is present on responses from the API. */
export interface AnthropicErrorBody {
  type: 'error';
  error: { type: string; message: string };
  request_id?: string | null;
}

const DEFAULTS: Record<ErrorKind, { status: number; type: string; message: string }> = {
  invalid_request: { status: 400, type: 'invalid_request_error', message: 'Invalid request.' },
  authentication: { status: 401, type: 'authentication_error', message: 'invalid x-api-key' },
  permission: { status: 403, type: 'permission_error', message: 'Your API key does not have permission to use the specified resource.' },
  not_found: { status: 404, type: 'not_found_error', message: 'Not found.' },
  request_too_large: { status: 413, type: 'request_too_large', message: 'Request exceeds the maximum allowed number of bytes.' },
  rate_limit: {
    status: 429,
    type: 'rate_limit_error',
    message: 'This request would exceed the rate limit for your organization. Please reduce the prompt length or the maximum tokens requested, or try again later.',
  },
  insufficient_quota: {
    status: 402,
    type: 'billing_error',
    message: 'Your credit balance is too low to access the Anthropic API. Please go to Plans & Billing to upgrade or purchase credits.',
  },
  server: { status: 500, type: 'api_error', message: 'Internal server error' },
  unavailable: { status: 503, type: 'api_error', message: 'Service unavailable' },
  timeout: { status: 504, type: 'timeout_error', message: 'Request timed out' },
  overloaded: { status: 529, type: 'overloaded_error', message: 'Overloaded' },
};

export interface AnthropicErrorOptions {
  kind?: ErrorKind;
  status?: number;
  message?: string;
  type?: string;
  /** Added to the body when given (the API echoes its `request-id` header there). */
  requestId?: string;
}

/** An Anthropic error response: status and body as api.anthropic.com sends them (529 for overload). */
export function anthropicError(options: AnthropicErrorOptions): { status: number; body: AnthropicErrorBody } {
  const kind = options.kind ?? errorKindForStatus(options.status ?? 500);
  const defaults = DEFAULTS[kind];
  const body: AnthropicErrorBody = {
    type: 'error',
    error: { type: options.type ?? defaults.type, message: options.message ?? defaults.message },
  };
  if (options.requestId !== undefined) body.request_id = options.requestId;
  return { status: options.status ?? defaults.status, body };
}

const KIND_BY_TYPE: Record<string, ErrorKind> = {
  invalid_request_error: 'invalid_request',
  authentication_error: 'authentication',
  permission_error: 'permission',
  not_found_error: 'not_found',
  request_too_large: 'request_too_large',
  rate_limit_error: 'rate_limit',
  billing_error: 'insufficient_quota',
  api_error: 'server',
  timeout_error: 'timeout',
  overloaded_error: 'overloaded',
};

/** The kind of an Anthropic `error.type` (unknown types are server errors). */
export function errorKindForAnthropicType(type: unknown): ErrorKind {
  return (typeof type === 'string' ? KIND_BY_TYPE[type] : undefined) ?? 'server';
}
