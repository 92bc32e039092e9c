import { ERROR_CODES, type ErrorCode } from './codes.ts';

const MARKER = Symbol.for('frugal.error');

/** The one error type Frugal throws on purpose. Anything else is a bug. */
export class FrugalError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  /** Structured detail for programmatic callers (e.g. the offending field, suggestions). */
  readonly details: Record<string, unknown> | undefined;
  readonly [MARKER] = true;

  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'FrugalError';
    this.code = code;
    this.status = ERROR_CODES[code].status;
    this.details = details;
  }

  static isInstance(value: unknown): value is FrugalError {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[MARKER] === true;
  }
}
