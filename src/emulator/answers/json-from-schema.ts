import type { Random } from '../seeded-random.ts';

type Schema = Record<string, unknown>;

const FORMATS: Record<string, (random: Random) => string> = {
  'date-time': (random) => new Date(Date.UTC(2026, random.integer(0, 11), random.integer(1, 28), 12)).toISOString(),
  date: (random) => `2026-${String(random.integer(1, 12)).padStart(2, '0')}-${String(random.integer(1, 28)).padStart(2, '0')}`,
  email: (random) => `user${random.integer(1, 999)}@example.com`,
  uri: (random) => `https://example.com/item/${random.integer(1, 9999)}`,
  uuid: (random) =>
    'xxxxxxxx-xxxx-4xxx-8xxx-xxxxxxxxxxxx'.replace(/x/g, () => random.integer(0, 15).toString(16)),
};

const SAMPLE_WORDS = ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot', 'golf', 'hotel'];

function resolveReference(reference: string, root: Schema): Schema {
  if (!reference.startsWith('#/')) return {};
  let node: unknown = root;
  for (const part of reference.slice(2).split('/')) {
    node = (node as Schema | undefined)?.[part.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return typeof node === 'object' && node !== null ? (node as Schema) : {};
}

function stringFor(schema: Schema, random: Random): string {
  const format = typeof schema.format === 'string' ? FORMATS[schema.format] : undefined;
  if (format !== undefined) return format(random);
  const minimum = typeof schema.minLength === 'number' ? schema.minLength : 1;
  const maximum = typeof schema.maxLength === 'number' ? schema.maxLength : Math.max(minimum, 24);
  let text = random.pick(SAMPLE_WORDS);
  while (text.length < minimum) text += ` ${random.pick(SAMPLE_WORDS)}`;
  return text.slice(0, maximum);
}

function numberFor(schema: Schema, random: Random, integer: boolean): number {
  const exclusiveLow = typeof schema.exclusiveMinimum === 'number' ? schema.exclusiveMinimum + (integer ? 1 : 0.5) : undefined;
  const exclusiveHigh = typeof schema.exclusiveMaximum === 'number' ? schema.exclusiveMaximum - (integer ? 1 : 0.5) : undefined;
  const low = exclusiveLow ?? (typeof schema.minimum === 'number' ? schema.minimum : 0);
  const high = exclusiveHigh ?? (typeof schema.maximum === 'number' ? schema.maximum : low + 100);
  if (integer) return random.integer(Math.ceil(low), Math.max(Math.ceil(low), Math.floor(high)));
  return Math.round((low + random.next() * (high - low)) * 100) / 100;
}

function typeOf(schema: Schema): string | undefined {
  if (typeof schema.type === 'string') return schema.type;
  if (Array.isArray(schema.type)) return schema.type.find((type) => type !== 'null') ?? 'null';
  if (schema.properties !== undefined) return 'object';
  if (schema.items !== undefined) return 'array';
  return undefined;
}

/**
 * A deterministic JSON value that satisfies the schema: the JSON Schema subset used by tool
 * definitions and structured outputs (types, properties, required, enum, const, items, anyOf/oneOf/
 * allOf, $ref to $defs, numeric and length bounds, common string formats). All properties are
 * filled, so strict-mode schemas (every property required) are satisfied.
 */
export function jsonFromSchema(schema: unknown, random: Random, root: Schema = schema as Schema, depth = 0): unknown {
  if (typeof schema !== 'object' || schema === null) return {};
  let node = schema as Schema;
  if (typeof node.$ref === 'string') node = resolveReference(node.$ref, root);
  if ('const' in node) return node.const;
  if (Array.isArray(node.enum) && node.enum.length > 0) return random.pick(node.enum);
  const alternatives = (node.anyOf ?? node.oneOf) as unknown[] | undefined;
  if (Array.isArray(alternatives) && alternatives.length > 0) {
    const concrete = alternatives.filter((item) => (item as Schema).type !== 'null');
    return jsonFromSchema(concrete[0] ?? alternatives[0], random, root, depth + 1);
  }
  if (Array.isArray(node.allOf) && node.allOf.length > 0) {
    const merged: Schema = {};
    for (const part of node.allOf) Object.assign(merged, part);
    return jsonFromSchema(merged, random, root, depth + 1);
  }
  switch (typeOf(node)) {
    case 'object': {
      const value: Record<string, unknown> = {};
      const properties = (node.properties ?? {}) as Record<string, unknown>;
      for (const [name, propertySchema] of Object.entries(properties)) {
        value[name] = depth > 8 ? null : jsonFromSchema(propertySchema, random, root, depth + 1);
      }
      return value;
    }
    case 'array': {
      const minimum = typeof node.minItems === 'number' ? node.minItems : 1;
      const maximum = typeof node.maxItems === 'number' ? node.maxItems : Math.max(minimum, 3);
      const count = depth > 8 ? minimum : random.integer(minimum, maximum);
      const items = Array.isArray(node.prefixItems) ? (node.prefixItems as unknown[]) : [];
      return Array.from({ length: Math.max(count, items.length) }, (_, index) =>
        jsonFromSchema(items[index] ?? node.items ?? { type: 'string' }, random, root, depth + 1),
      );
    }
    case 'string':
      return stringFor(node, random);
    case 'integer':
      return numberFor(node, random, true);
    case 'number':
      return numberFor(node, random, false);
    case 'boolean':
      return random.next() < 0.5;
    case 'null':
      return null;
    default:
      return stringFor({}, random);
  }
}
