export type PathSegment = string | number;

/** What is wrong with a request field, before a protocol words it. */
export type ValidationIssue =
  | { kind: 'missing'; path: PathSegment[] }
  | { kind: 'type'; path: PathSegment[]; expected: ExpectedType; actual: unknown }
  | { kind: 'value'; path: PathSegment[]; actual: unknown; allowed: readonly string[] }
  | { kind: 'minimum' | 'maximum'; path: PathSegment[]; limit: number; actual: number; integer: boolean }
  | { kind: 'empty'; path: PathSegment[] }
  | { kind: 'too_long'; path: PathSegment[]; limit: number; actual: number }
  | { kind: 'unknown'; path: PathSegment[] }
  | { kind: 'custom'; path: PathSegment[]; message: string };

export type ExpectedType =
  | 'string'
  | 'integer'
  | 'number'
  | 'boolean'
  | 'object'
  | 'array'
  | 'string or array'
  | 'string or array of objects';

/** Turns an issue into the protocol's own error (never returns). */
export interface Checker {
  fail(issue: ValidationIssue): never;
  /** Fields outside the protocol's schema: 'reject' like the provider, or 'allow' (OpenAI-compatible hosts). */
  readonly unknownFields: 'reject' | 'allow';
}

/** JSON type of a value in words providers use: integer and decimal apart, null as null. */
export function jsonTypeOf(value: unknown): 'null' | 'string' | 'integer' | 'decimal' | 'boolean' | 'array' | 'object' {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'decimal';
  if (typeof value === 'string') return 'string';
  if (typeof value === 'boolean') return 'boolean';
  return 'object';
}
