import type { Checker, PathSegment } from './issue.ts';

export type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Absent means undefined or null: providers treat an explicit null like an omitted field. */
export function isAbsent(value: unknown): value is undefined | null {
  return value === undefined || value === null;
}

/** The request body as an object, or a failure in the wire's own words for a body that is not a JSON object. */
export function requestBody(checker: Checker, body: unknown, message: string): JsonObject {
  if (isObject(body)) return body;
  return checker.fail({ kind: 'custom', path: [], message });
}

export function expectObject(checker: Checker, value: unknown, path: PathSegment[]): JsonObject {
  if (isObject(value)) return value;
  return checker.fail({ kind: 'type', path, expected: 'object', actual: value });
}

export function expectArray(checker: Checker, value: unknown, path: PathSegment[]): unknown[] {
  if (Array.isArray(value)) return value;
  return checker.fail({ kind: 'type', path, expected: 'array', actual: value });
}

export function expectString(checker: Checker, value: unknown, path: PathSegment[]): string {
  if (typeof value === 'string') return value;
  return checker.fail({ kind: 'type', path, expected: 'string', actual: value });
}

export function requireField(checker: Checker, object: JsonObject, key: string, path: PathSegment[]): unknown {
  const value = object[key];
  if (isAbsent(value)) return checker.fail({ kind: 'missing', path: [...path, key] });
  return value;
}

export function requiredString(checker: Checker, object: JsonObject, key: string, path: PathSegment[]): string {
  return expectString(checker, requireField(checker, object, key, path), [...path, key]);
}

export function optionalString(checker: Checker, object: JsonObject, key: string, path: PathSegment[]): string | undefined {
  const value = object[key];
  if (isAbsent(value)) return undefined;
  return expectString(checker, value, [...path, key]);
}

export function optionalBoolean(checker: Checker, object: JsonObject, key: string, path: PathSegment[]): boolean | undefined {
  const value = object[key];
  if (isAbsent(value)) return undefined;
  if (typeof value === 'boolean') return value;
  return checker.fail({ kind: 'type', path: [...path, key], expected: 'boolean', actual: value });
}

export interface NumberRange {
  integer?: boolean;
  minimum?: number;
  maximum?: number;
}

export function checkNumber(checker: Checker, value: unknown, path: PathSegment[], range: NumberRange): number {
  const integer = range.integer === true;
  if (typeof value !== 'number' || !Number.isFinite(value) || (integer && !Number.isInteger(value))) {
    return checker.fail({ kind: 'type', path, expected: integer ? 'integer' : 'number', actual: value });
  }
  if (range.minimum !== undefined && value < range.minimum) {
    return checker.fail({ kind: 'minimum', path, limit: range.minimum, actual: value, integer });
  }
  if (range.maximum !== undefined && value > range.maximum) {
    return checker.fail({ kind: 'maximum', path, limit: range.maximum, actual: value, integer });
  }
  return value;
}

export function optionalNumber(
  checker: Checker,
  object: JsonObject,
  key: string,
  path: PathSegment[],
  range: NumberRange = {},
): number | undefined {
  const value = object[key];
  if (isAbsent(value)) return undefined;
  return checkNumber(checker, value, [...path, key], range);
}

export function optionalEnum<T extends string>(
  checker: Checker,
  object: JsonObject,
  key: string,
  path: PathSegment[],
  allowed: readonly T[],
): T | undefined {
  const value = object[key];
  if (isAbsent(value)) return undefined;
  return checkEnum(checker, value, [...path, key], allowed);
}

export function checkEnum<T extends string>(checker: Checker, value: unknown, path: PathSegment[], allowed: readonly T[]): T {
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  return checker.fail({ kind: 'value', path, actual: value, allowed });
}

/** Rejects (or, when the checker allows them, passes) fields outside `known`. */
export function checkKnownFields(checker: Checker, object: JsonObject, known: ReadonlySet<string>, path: PathSegment[]): void {
  if (checker.unknownFields === 'allow') return;
  for (const key in object) {
    if (!known.has(key)) checker.fail({ kind: 'unknown', path: [...path, key] });
  }
}

/** A record of string values (OpenAI `metadata`). */
export function optionalStringRecord(
  checker: Checker,
  object: JsonObject,
  key: string,
  path: PathSegment[],
): Record<string, string> | undefined {
  const value = object[key];
  if (isAbsent(value)) return undefined;
  const record = expectObject(checker, value, [...path, key]);
  for (const entryKey in record) expectString(checker, record[entryKey], [...path, key, entryKey]);
  return record as Record<string, string>;
}
