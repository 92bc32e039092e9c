/**
 * Every error Frugal raises has a stable code, listed here with its HTTP status.
 * Codes are documented in docs/errors.md; never rename one, only add.
 */
export const ERROR_CODES = {
  FRUGAL_INVALID_ARGUMENT: { status: 400, summary: 'A command-line argument or option is invalid.' },
  FRUGAL_INVALID_USAGE: { status: 400, summary: 'A usage object is malformed or has invalid token counts.' },
  FRUGAL_INVALID_REQUEST: { status: 400, summary: 'A request body is malformed or violates the protocol.' },
  FRUGAL_INVALID_CATALOG: { status: 500, summary: 'A price catalog file is malformed.' },
  FRUGAL_INVALID_CONFIG: { status: 500, summary: 'A configuration file is malformed.' },
  FRUGAL_UNKNOWN_MODEL: { status: 404, summary: 'The model is not in the catalog; it is unpriced.' },
  FRUGAL_UNPRICED: { status: 422, summary: 'The catalog has no price for a bucket or mode that the usage needs.' },
  FRUGAL_DATA_MISSING: { status: 500, summary: 'A data file the command needs is absent.' },
  FRUGAL_MONEY_OVERFLOW: { status: 500, summary: 'An amount exceeds the exact integer range.' },
  FRUGAL_INVALID_RECORD: { status: 500, summary: 'A ledger record (request, attempt or outcome) is malformed.' },
  FRUGAL_LEDGER_FULL: { status: 503, summary: 'The ledger write queue is full; storage is behind or unavailable.' },
  FRUGAL_LEDGER_CLOSED: { status: 503, summary: 'The ledger is closed and accepts no more records.' },
  FRUGAL_LEDGER_STORAGE: { status: 503, summary: 'The ledger storage failed (open, migrate, write or query).' },
  FRUGAL_GATEWAY_UNAUTHORIZED: { status: 401, summary: 'The request did not present the gateway key (FRUGAL_GATEWAY_KEY).' },
  FRUGAL_REQUEST_TOO_LARGE: { status: 413, summary: 'The request body exceeds server.bodyLimitBytes.' },
  FRUGAL_PROVIDER_KEY_MISSING: { status: 401, summary: 'No upstream key: the provider has none configured and accepts none from the client.' },
  FRUGAL_UNSUPPORTED_ENDPOINT: { status: 400, summary: 'The provider serving the model does not offer this endpoint.' },
  FRUGAL_UPSTREAM_ERROR: { status: 502, summary: 'The upstream provider answered with an error (its status is passed through).' },
  FRUGAL_UPSTREAM_TIMEOUT: { status: 504, summary: 'The upstream provider did not connect, answer or continue its stream in time.' },
  FRUGAL_UPSTREAM_UNREACHABLE: { status: 502, summary: 'The upstream provider could not be reached, or broke the connection or the protocol.' },
  FRUGAL_NOT_FOUND: { status: 404, summary: 'No such gateway path or resource.' },
  FRUGAL_SHUTTING_DOWN: { status: 503, summary: 'The gateway is shutting down and accepts no new requests.' },
  FRUGAL_INVALID_DATA: { status: 422, summary: 'A data file (outcomes dataset, agreement samples, router model) is malformed.' },
  FRUGAL_CACHE_STORAGE: { status: 503, summary: 'The response cache storage failed to open, read or write.' },
} as const satisfies Record<string, { status: number; summary: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;
