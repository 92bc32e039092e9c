import { errorKindForStatus, type ErrorKind } from './error-kind.ts';

/** Google's error body (`google.rpc.Status` in JSON): numeric code, message, canonical status name. */
export interface GeminiErrorBody {
  error: { code: number; message: string; status: string; details?: unknown[] };
}

const STATUS_NAMES: Record<number, string> = {
  400: 'INVALID_ARGUMENT',
  401: 'UNAUTHENTICATED',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  409: 'ABORTED',
  429: 'RESOURCE_EXHAUSTED',
  499: 'CANCELLED',
  500: 'INTERNAL',
  501: 'UNIMPLEMENTED',
  503: 'UNAVAILABLE',
  504: 'DEADLINE_EXCEEDED',
};

const QUOTA_MESSAGE = 'You exceeded your current quota, please check your plan and billing details.';

/** An invalid key is a 400 INVALID_ARGUMENT with an ErrorInfo reason, not a 401, on this API. */
const DEFAULTS: Record<ErrorKind, { status: number; message: string; details?: unknown[] }> = {
  invalid_request: { status: 400, message: 'Request contains an invalid argument.' },
  authentication: {
    status: 400,
    message: 'API key not valid. Please pass a valid API key.',
    details: [
      { '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: 'API_KEY_INVALID', domain: 'googleapis.com', metadata: { service: 'generativelanguage.googleapis.com' } },
    ],
  },
  permission: { status: 403, message: 'The caller does not have permission' },
  not_found: { status: 404, message: 'Requested entity was not found.' },
  request_too_large: { status: 400, message: 'Request payload size exceeds the limit.' },
  rate_limit: { status: 429, message: QUOTA_MESSAGE },
  insufficient_quota: { status: 429, message: QUOTA_MESSAGE },
  server: { status: 500, message: 'An internal error has occurred. Please retry or report in https://developers.generativeai.google/guide/troubleshooting' },
  unavailable: { status: 503, message: 'The service is currently unavailable.' },
  timeout: { status: 504, message: 'Deadline expired before operation could complete.' },
  overloaded: { status: 503, message: 'The model is overloaded. Please try again later.' },
};

export interface GeminiErrorOptions {
  kind?: ErrorKind;
  status?: number;
  message?: string;
  details?: unknown[];
}

/** A Gemini API error response: status and body as generativelanguage.googleapis.com sends them. */
export function geminiError(options: GeminiErrorOptions): { status: number; body: GeminiErrorBody } {
  const kind = options.kind ?? errorKindForStatus(options.status ?? 500);
  const defaults = DEFAULTS[kind];
  const status = options.status ?? defaults.status;
  const body: GeminiErrorBody = {
    error: {
      code: status,
      message: options.message ?? defaults.message,
      status: STATUS_NAMES[status] ?? (status >= 500 ? 'INTERNAL' : 'FAILED_PRECONDITION'),
    },
  };
  const details = options.details ?? defaults.details;
  if (details !== undefined) body.error.details = details;
  return { status, body };
}

const KIND_BY_NAME: Record<string, ErrorKind> = {
  INVALID_ARGUMENT: 'invalid_request',
  FAILED_PRECONDITION: 'invalid_request',
  UNAUTHENTICATED: 'authentication',
  PERMISSION_DENIED: 'permission',
  NOT_FOUND: 'not_found',
  RESOURCE_EXHAUSTED: 'rate_limit',
  INTERNAL: 'server',
  UNAVAILABLE: 'unavailable',
  DEADLINE_EXCEEDED: 'timeout',
};

/** The kind of a Gemini error `status` name (unknown names are server errors). */
export function errorKindForGeminiStatus(name: unknown): ErrorKind {
  return (typeof name === 'string' ? KIND_BY_NAME[name] : undefined) ?? 'server';
}
