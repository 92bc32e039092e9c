/**
 * Gemini's `Schema` (an OpenAPI 3.0 subset) names types in upper case (`OBJECT`,
 * `STRING`); JSON Schema, which the other protocols take, in lower case. Converts the
 * `type` values of a schema and its sub-schemas, leaving everything else as it is.
 */
export function lowerCaseSchemaTypes(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(lowerCaseSchemaTypes);
  if (typeof schema !== 'object' || schema === null) return schema;
  const converted: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'type' && typeof value === 'string') converted[key] = value.toLowerCase();
    else if (key === 'properties' && typeof value === 'object' && value !== null && !Array.isArray(value)) {
      const properties: Record<string, unknown> = {};
      for (const [name, property] of Object.entries(value)) properties[name] = lowerCaseSchemaTypes(property);
      converted[key] = properties;
    } else if (key === 'items' || key === 'anyOf' || key === 'prefixItems') converted[key] = lowerCaseSchemaTypes(value);
    else converted[key] = value;
  }
  return converted;
}
