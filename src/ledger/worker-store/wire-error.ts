/**
 * Errors cross the thread boundary as plain data: a FrugalError keeps its code, message and
 * details (the batch writer decides retry or drop by code); anything else keeps its name,
 * message and stack.
 */
import type { ErrorCode } from '../../errors/codes.ts';
import { FrugalError } from '../../errors/frugal-error.ts';

export type WireError =
  | { code: ErrorCode; message: string; details: Record<string, unknown> | undefined }
  | { code: null; name: string; message: string; stack: string | undefined };

export function toWireError(error: unknown): WireError {
  if (FrugalError.isInstance(error)) return { code: error.code, message: error.message, details: error.details };
  if (error instanceof Error) return { code: null, name: error.name, message: error.message, stack: error.stack };
  return { code: null, name: 'Error', message: String(error), stack: undefined };
}

export function fromWireError(wire: WireError): Error {
  if (wire.code !== null) return new FrugalError(wire.code, wire.message, wire.details);
  const error = new Error(wire.message);
  error.name = wire.name;
  if (wire.stack !== undefined) error.stack = wire.stack;
  return error;
}
