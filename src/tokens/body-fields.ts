import { FrugalError } from '../errors/frugal-error.ts';
import type { ToolDefinition } from './prompt-view.ts';

/** Reading a request body field by field: every failure names the field and what was expected. */
export type JsonObject = Record<string, unknown>;

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return typeof value === 'object' ? 'an object' : typeof value;
}

export function invalidRequest(field: string, expected: string, value: unknown): FrugalError {
  const got = describe(value);
  return new FrugalError('FRUGAL_INVALID_REQUEST', `${field} must be ${expected}, got ${got}`, { field });
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function expectObject(value: unknown, field: string): JsonObject {
  if (isObject(value)) return value;
  throw invalidRequest(field, 'an object', value);
}

export function expectArray(value: unknown, field: string): unknown[] {
  if (Array.isArray(value)) return value;
  throw invalidRequest(field, 'an array', value);
}

export function expectString(value: unknown, field: string): string {
  if (typeof value === 'string') return value;
  throw invalidRequest(field, 'a string', value);
}

export function optionalString(value: unknown, field: string): string | undefined {
  return value === undefined || value === null ? undefined : expectString(value, field);
}

export function optionalArray(value: unknown, field: string): unknown[] {
  return value === undefined || value === null ? [] : expectArray(value, field);
}

/** A function tool's name and description, every wire's way, with the schema its wire keeps them in. */
export function toolDefinition(definition: JsonObject, field: string, parameters: unknown): ToolDefinition {
  return {
    name: expectString(definition.name, `${field}.name`),
    description: optionalString(definition.description, `${field}.description`) ?? '',
    parameters,
  };
}

/** The body's `model` unless the caller names one. */
export function modelOf(body: JsonObject, model: string | undefined, field = 'model'): string {
  if (model !== undefined) return model;
  const named = body[field];
  if (typeof named === 'string' && named.length > 0) return named;
  throw invalidRequest(field, 'a model name (or pass the model explicitly)', named);
}
