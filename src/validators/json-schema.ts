import { FrugalError } from '../errors/frugal-error.ts';
import { parseJsonText } from './json-text.ts';
import { compileSchema, describeSchemaErrors } from './schema-compiler.ts';
import type { Validator } from './validator.ts';

export interface JsonSchemaOptions {
  name?: string;
  /** The schema to check against; absent = the request's own `json_schema` response format. */
  schema?: Record<string, unknown>;
  allowCodeFence?: boolean;
}

/**
 * Passes when the response is JSON valid against a JSON Schema (draft 2020-12). A configured
 * schema is compiled when the validator is created, so a bad one fails at start-up.
 */
export function jsonSchemaValidator(options: JsonSchemaOptions = {}): Validator {
  const allowCodeFence = options.allowCodeFence ?? true;
  const configured = options.schema === undefined ? undefined : compileSchema(options.schema, 'json-schema validator .schema');
  return {
    name: options.name ?? 'json-schema',
    kind: 'json-schema',
    async validate(input) {
      let validate = configured;
      if (validate === undefined) {
        const format = input.request.responseFormat;
        if (format?.type !== 'json_schema') {
          return { pass: false, reason: 'no schema: the validator has none configured and the request has no json_schema response format' };
        }
        try {
          validate = compileSchema(format.schema, 'the request response format schema');
        } catch (error) {
          if (FrugalError.isInstance(error)) return { pass: false, reason: error.message };
          throw error;
        }
      }
      const parsed = parseJsonText(input.text, allowCodeFence);
      if (!parsed.ok) return { pass: false, reason: parsed.reason };
      if (validate(parsed.value)) return { pass: true, reason: 'the response matches the schema' };
      return { pass: false, reason: `the response does not match the schema: ${describeSchemaErrors(validate)}` };
    },
  };
}
