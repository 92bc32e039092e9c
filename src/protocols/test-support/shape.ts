import assert from 'node:assert/strict';

function kind(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

/**
 * Asserts that `actual` has the structure of `expected`: the same JSON type at every path,
 * the same keys in every object (except `ignore`d key paths like `usage.iterations`), and
 * array items shaped like the expected item at the same position (or its last item).
 */
export function assertSameShape(actual: unknown, expected: unknown, ignore: readonly string[] = [], path = '$'): void {
  assert.equal(kind(actual), kind(expected), `${path}: expected ${kind(expected)}, got ${kind(actual)}`);
  if (Array.isArray(expected) && Array.isArray(actual)) {
    if (expected.length === 0) return;
    for (const [index, item] of actual.entries()) assertSameShape(item, expected[Math.min(index, expected.length - 1)], ignore, `${path}[${index}]`);
    return;
  }
  if (kind(expected) !== 'object') return;
  const actualObject = actual as Record<string, unknown>;
  const expectedObject = expected as Record<string, unknown>;
  const relevant = (key: string) => !ignore.some((ignored) => `${path}.${key}`.endsWith(ignored));
  assert.deepEqual(
    Object.keys(actualObject).filter(relevant).sort(),
    Object.keys(expectedObject).filter(relevant).sort(),
    `${path}: keys differ`,
  );
  for (const key of Object.keys(expectedObject).filter(relevant)) {
    assertSameShape(actualObject[key], expectedObject[key], ignore, `${path}.${key}`);
  }
}
