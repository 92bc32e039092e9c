import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { FrugalError } from '../errors/frugal-error.ts';

// Formats (`date-time`, `email`) are annotations here: ajv-formats is not a dependency.
const ajv = new Ajv2020({ allErrors: true, strict: false, validateFormats: false });
const compiled = new Map<string, ValidateFunction>();
// Request-supplied schemas arrive as fresh objects on every request: cache by content, bounded.
const MAX_CACHED_SCHEMAS = 256;

/** The compiled validator of a JSON Schema (draft 2020-12), compiled once per distinct schema. */
export function compileSchema(schema: Record<string, unknown>, field: string): ValidateFunction {
  const key = JSON.stringify(schema);
  const cached = compiled.get(key);
  if (cached !== undefined) return cached;
  let validate: ValidateFunction;
  try {
    validate = ajv.compile(schema);
  } catch (error) {
    throw new FrugalError('FRUGAL_INVALID_CONFIG', `${field} is not a valid JSON Schema: ${(error as Error).message}`, { field });
  }
  if (compiled.size >= MAX_CACHED_SCHEMAS) compiled.delete(compiled.keys().next().value!);
  compiled.set(key, validate);
  return validate;
}

/** Ajv's errors as one line: `/items/0 must be integer; must have required property 'name'`. */
export function describeSchemaErrors(validate: ValidateFunction): string {
  return (validate.errors ?? [])
    .slice(0, 5)
    .map((error) => `${error.instancePath === '' ? '(root)' : error.instancePath} ${error.message ?? 'is invalid'}`)
    .join('; ');
}
