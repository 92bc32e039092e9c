/**
 * What went wrong, in one vocabulary; each protocol renders a kind with its own status,
 * type names and wording (see the `*-error-body.ts` files).
 */
export const ERROR_KINDS = [
  'invalid_request',
  'authentication',
  'permission',
  'not_found',
  'request_too_large',
  'rate_limit',
  'insufficient_quota',
  'server',
  'unavailable',
  'timeout',
  'overloaded',
] as const;

export type ErrorKind = (typeof ERROR_KINDS)[number];

const KIND_BY_STATUS: Record<number, ErrorKind> = {
  400: 'invalid_request',
  401: 'authentication',
  402: 'insufficient_quota',
  403: 'permission',
  404: 'not_found',
  408: 'timeout',
  413: 'request_too_large',
  422: 'invalid_request',
  429: 'rate_limit',
  500: 'server',
  502: 'server',
  503: 'unavailable',
  504: 'timeout',
  529: 'overloaded',
};

/** The kind an HTTP status means; unknown 4xx are invalid requests, unknown 5xx server errors. */
export function errorKindForStatus(status: number): ErrorKind {
  return KIND_BY_STATUS[status] ?? (status >= 500 ? 'server' : 'invalid_request');
}
