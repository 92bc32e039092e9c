import type { Checker, PathSegment } from '../validation/issue.ts';
import { expectObject, type JsonObject } from '../validation/read.ts';

const SNAKE_LETTER = /_([a-z0-9])/g;

function toCamel(key: string): string {
  return key.includes('_') ? key.replace(SNAKE_LETTER, (_, letter: string) => letter.toUpperCase()) : key;
}

/**
 * A copy of a proto message object with its field names in camelCase. Google's JSON
 * parser accepts both `generation_config` and `generationConfig`; Frugal's codecs read
 * camelCase only. Fields outside `known` are rejected, or kept as sent when allowed.
 */
export function protoObject(checker: Checker, value: unknown, path: PathSegment[], known: ReadonlySet<string>): JsonObject {
  const object = expectObject(checker, value, path);
  const normalized: JsonObject = {};
  for (const key in object) {
    const camel = toCamel(key);
    if (known.has(camel)) normalized[camel] = object[key];
    else if (checker.unknownFields === 'allow') normalized[key] = object[key];
    else checker.fail({ kind: 'unknown', path: [...path, key] });
  }
  return normalized;
}
