import { parseArgs, type ParseArgsConfig } from 'node:util';
import { FrugalError } from '../errors/frugal-error.ts';

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * Strict option parsing: an unknown option or a missing value is a FrugalError
 * (exit status 2 with a one-line message), never a stack trace.
 */
export function parseOptions<T extends Options>(argv: string[], options: T, usage: string) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new FrugalError('FRUGAL_INVALID_ARGUMENT', `${message}\nusage: ${usage}`);
  }
}

/** Parses a non-negative integer option value, naming the option on failure. */
export function parseCount(value: string, optionName: string): number {
  if (!/^\d+$/.test(value)) {
    throw new FrugalError('FRUGAL_INVALID_ARGUMENT', `${optionName} must be a non-negative integer, got "${value}"`);
  }
  return Number(value);
}
