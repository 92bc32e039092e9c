import { FrugalError } from '../errors/frugal-error.ts';

/** The object itself, or FRUGAL_INVALID_USAGE naming the field when it is not a plain object. */
export function readObject(value: unknown, path: string): Record<string, unknown> {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
  throw new FrugalError('FRUGAL_INVALID_USAGE', `usage field ${path} must be an object, got ${describe(value)}`, {
    field: path,
    value,
  });
}

/** A nested object that may be absent (undefined or null). */
export function readOptionalObject(value: unknown, path: string): Record<string, unknown> | undefined {
  if (value === undefined || value === null) return undefined;
  return readObject(value, path);
}

/**
 * A token count: a non-negative safe integer. Absent (undefined or null) reads as 0 unless
 * the field is required. Anything else is FRUGAL_INVALID_USAGE naming the field (its path in
 * the usage object) and value. Callers read the field themselves, so each read site stays
 * monomorphic on the hot path.
 */
export function readCount(value: unknown, path: string, required = false): number {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return value;
  if ((value === undefined || value === null) && !required) return 0;
  const problem = value === undefined || value === null ? 'is missing' : `got ${describe(value)}`;
  throw new FrugalError('FRUGAL_INVALID_USAGE', `usage field ${path} must be a non-negative integer token count, ${problem}`, {
    field: path,
    value,
  });
}

/** FRUGAL_INVALID_USAGE when a part (e.g. cached tokens) exceeds the total it is counted inside. */
export function checkPartWithin(part: number, partPath: string, whole: number, wholePath: string): void {
  if (part <= whole) return;
  throw new FrugalError(
    'FRUGAL_INVALID_USAGE',
    `usage field ${partPath} (${part}) exceeds ${wholePath} (${whole}), which it is counted inside`,
    { field: partPath, value: part, total: wholePath, totalValue: whole },
  );
}

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object' && value !== null) return 'an object';
  return String(value);
}
