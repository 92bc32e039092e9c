import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

/**
 * Helpers for the fidelity tests: compare the emulator's answers with the recorded real traffic
 * in shared/data/fixtures by structure (field names, JSON types, event order), never by bytes.
 */
const FIXTURES = new URL('../../../../shared/data/fixtures/', import.meta.url);

export function fixture(path: string): string {
  return readFileSync(new URL(path, FIXTURES), 'utf8');
}

export type Shape = string | { [field: string]: Shape } | Shape[];

/** The JSON type of every field, recursively (arrays by their first element). */
export function shape(value: unknown): Shape {
  if (value === null) return 'null';
  if (Array.isArray(value)) return value.length === 0 ? [] : [shape(value[0])];
  if (typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, shape(item)]));
  return typeof value;
}

/** Asserts that every field of `recorded` exists in `emulated` with the same type. */
export function assertCovers(emulated: Shape, recorded: Shape, path: string): void {
  if (typeof recorded === 'string') {
    assert.equal(emulated, recorded, `${path}: type`);
    return;
  }
  if (Array.isArray(recorded)) {
    assert.ok(Array.isArray(emulated), `${path}: array`);
    if (recorded.length > 0 && emulated.length > 0) assertCovers(emulated[0] as Shape, recorded[0] as Shape, `${path}[0]`);
    return;
  }
  assert.ok(typeof emulated === 'object' && !Array.isArray(emulated), `${path}: object`);
  for (const [field, type] of Object.entries(recorded)) {
    assert.ok(field in emulated, `${path}.${field} is missing`);
    assertCovers((emulated as Record<string, Shape>)[field] as Shape, type, `${path}.${field}`);
  }
}

export function sseEvents(text: string): Array<{ event?: string; data: string }> {
  return text
    .replace(/\r\n/g, '\n')
    .split('\n\n')
    .filter((block) => block.trim() !== '')
    .map((block) => {
      const lines = block.split('\n');
      const event = lines.find((line) => line.startsWith('event:'))?.slice(6).trim();
      const data = lines.filter((line) => line.startsWith('data:')).map((line) => line.slice(5).trim()).join('\n');
      return event === undefined ? { data } : { event, data };
    });
}

/** Collapses runs of the same step, so streams of different lengths compare by structure. */
export function collapse(steps: string[]): string[] {
  return steps.filter((step, index) => step !== steps[index - 1]);
}
