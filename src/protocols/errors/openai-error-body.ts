import { errorKindForStatus, type ErrorKind } from './error-kind.ts';

/** OpenAI's error body (`ErrorResponse` in its OpenAPI spec): all four fields always present. */
export interface OpenAIErrorBody {
  error: { message: string; type: string; param: string | null; code: string | null };
}

const DEFAULTS: Record<ErrorKind, { status: number; type: string; code: string | null; message: string }> = {
  invalid_request: { status: 400, type: 'invalid_request_error', code: null, message: 'Invalid request.' },
  authentication: {
    status: 401,
    type: 'invalid_request_error',
    code: 'invalid_api_key',
    message: 'Incorrect API key provided. You can find your API key at https://platform.openai.com/account/api-keys.',
  },
  permission: { status: 403, type: 'invalid_request_error', code: 'unsupported_country_region_territory', message: 'Country, region, or territory not supported' },
  not_found: { status: 404, type: 'invalid_request_error', code: 'model_not_found', message: 'The model does not exist or you do not have access to it.' },
  request_too_large: { status: 413, type: 'invalid_request_error', code: null, message: 'Request too large.' },
  rate_limit: {
    status: 429,
    type: 'requests',
    code: 'rate_limit_exceeded',
    message: 'Rate limit reached for requests. Please try again later. Visit https://platform.openai.com/account/rate-limits to learn more.',
  },
  insufficient_quota: {
    status: 429,
    type: 'insufficient_quota',
    code: 'insufficient_quota',
    message: 'You exceeded your current quota, please check your plan and billing details. For more information on this error, read the docs: https://platform.openai.com/docs/guides/error-codes/api-errors.',
  },
  server: { status: 500, type: 'server_error', code: null, message: 'The server had an error while processing your request. Sorry about that!' },
  unavailable: { status: 503, type: 'server_error', code: null, message: 'The server is overloaded or not ready yet.' },
  timeout: { status: 504, type: 'server_error', code: null, message: 'Request timed out.' },
  overloaded: { status: 503, type: 'server_error', code: null, message: 'The engine is currently overloaded, please try again later.' },
};

export interface OpenAIErrorOptions {
  /** Either a kind or an HTTP status (the kind is derived from it). */
  kind?: ErrorKind;
  status?: number;
  message?: string;
  type?: string;
  param?: string | null;
  code?: string | null;
}

/** An OpenAI error response: status and body as api.openai.com sends them. */
export function openAIError(options: OpenAIErrorOptions): { status: number; body: OpenAIErrorBody } {
  const kind = options.kind ?? errorKindForStatus(options.status ?? 500);
  const defaults = DEFAULTS[kind];
  return {
    status: options.status ?? defaults.status,
    body: {
      error: {
        message: options.message ?? defaults.message,
        type: options.type ?? defaults.type,
        param: options.param ?? null,
        code: options.code === undefined ? defaults.code : options.code,
      },
    },
  };
}

const KIND_BY_TYPE: Record<string, ErrorKind> = {
  invalid_request_error: 'invalid_request',
  authentication_error: 'authentication',
  permission_error: 'permission',
  not_found_error: 'not_found',
  requests: 'rate_limit',
  tokens: 'rate_limit',
  rate_limit_error: 'rate_limit',
  insufficient_quota: 'insufficient_quota',
  server_error: 'server',
};

/** The kind of an OpenAI error object: its `code` first (invalid_api_key, rate_limit_exceeded), then its `type`. */
export function errorKindForOpenAIError(error: { type?: unknown; code?: unknown }): ErrorKind {
  if (error.code === 'invalid_api_key') return 'authentication';
  if (error.code === 'rate_limit_exceeded') return 'rate_limit';
  if (error.code === 'model_not_found') return 'not_found';
  return (typeof error.type === 'string' ? KIND_BY_TYPE[error.type] : undefined) ?? 'server';
}
