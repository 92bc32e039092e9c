import { parse } from 'yaml';
import { readFixture } from './fixtures.ts';

type Schema = Record<string, unknown>;

/**
 * A small checker for the parts of OpenAPI 3.1 schemas OpenAI's spec uses on its wire
 * objects: $ref, type (incl. null), nullable, enum, required, properties, items, anyOf /
 * oneOf / allOf. It reports every path where a value breaks the spec; enough to hold encoders to
 * the official shapes without a JSON Schema dependency.
 */
export class OpenAPISchemas {
  readonly #schemas: Record<string, Schema>;

  constructor(schemas: Record<string, Schema>) {
    this.#schemas = schemas;
  }

  static openAI(): OpenAPISchemas {
    const document = parse(readFixture('openai/openapi.transformed.yml'), { maxAliasCount: -1 }) as { components: { schemas: Record<string, Schema> } };
    return new OpenAPISchemas(document.components.schemas);
  }

  /** Problems of `value` against the named component schema ([] when it conforms). */
  check(name: string, value: unknown): string[] {
    const problems: string[] = [];
    this.#check(this.#resolve({ $ref: `#/components/schemas/${name}` }), value, '$', problems);
    return problems;
  }

  /** Every property name a schema declares, through $ref and allOf. */
  properties(name: string): Set<string> {
    const names = new Set<string>();
    const visit = (schema: Schema): void => {
      const resolved = this.#resolve(schema);
      for (const key of Object.keys((resolved['properties'] as Schema | undefined) ?? {})) names.add(key);
      for (const part of (resolved['allOf'] as Schema[] | undefined) ?? []) visit(part);
    };
    visit({ $ref: `#/components/schemas/${name}` });
    return names;
  }

  #resolve(schema: Schema): Schema {
    let current = schema;
    while (typeof current['$ref'] === 'string') {
      const name = (current['$ref'] as string).slice('#/components/schemas/'.length);
      const target = this.#schemas[name];
      if (target === undefined) throw new Error(`unknown schema ${name}`);
      current = target;
    }
    return current;
  }

  #check(schema: Schema, value: unknown, path: string, problems: string[]): void {
    if (value === null && schema['nullable'] === true) return;
    for (const part of (schema['allOf'] as Schema[] | undefined) ?? []) this.#check(this.#resolve(part), value, path, problems);
    const alternatives = (schema['anyOf'] ?? schema['oneOf']) as Schema[] | undefined;
    if (alternatives !== undefined) {
      const results = alternatives.map((alternative) => {
        const found: string[] = [];
        this.#check(this.#resolve(alternative), value, path, found);
        return found;
      });
      if (!results.some((found) => found.length === 0)) problems.push(`${path}: matches no alternative (${results.map((found) => found[0]).join(' | ')})`);
    }
    const type = schema['type'];
    if (type !== undefined && !(Array.isArray(type) ? type : [type]).some((name) => isType(value, name as string))) {
      problems.push(`${path}: expected ${String(type)}, got ${JSON.stringify(value)}`);
      return;
    }
    const allowed = schema['enum'] as unknown[] | undefined;
    if (allowed !== undefined && !allowed.includes(value)) problems.push(`${path}: ${JSON.stringify(value)} not in ${JSON.stringify(allowed)}`);
    if (typeof value !== 'object' || value === null) return;
    if (Array.isArray(value)) {
      const items = schema['items'] as Schema | undefined;
      if (items !== undefined) value.forEach((item, index) => this.#check(this.#resolve(items), item, `${path}[${index}]`, problems));
      return;
    }
    const object = value as Record<string, unknown>;
    for (const key of (schema['required'] as string[] | undefined) ?? []) if (!(key in object)) problems.push(`${path}: missing ${key}`);
    const properties = (schema['properties'] as Record<string, Schema> | undefined) ?? {};
    for (const [key, property] of Object.entries(properties)) {
      if (key in object) this.#check(this.#resolve(property), object[key], `${path}.${key}`, problems);
    }
  }
}

function isType(value: unknown, type: string): boolean {
  switch (type) {
    case 'null':
      return value === null;
    case 'array':
      return Array.isArray(value);
    case 'object':
      return typeof value === 'object' && value !== null && !Array.isArray(value);
    case 'integer':
      return Number.isInteger(value);
    case 'number':
      return typeof value === 'number';
    default:
      return typeof value === type;
  }
}
