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
} as const satisfies Record<string, { status: number; summary: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;
