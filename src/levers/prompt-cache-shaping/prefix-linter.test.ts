import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CanonicalRequest, CanonicalTool } from '../../protocols/canonical/request.ts';
import { PrefixLinter } from './prefix-linter.ts';

function request(system: string, tools: CanonicalTool[] = []): CanonicalRequest {
  return { model: 'm', system: [{ type: 'text', text: system }], tools, messages: [{ role: 'user', content: [{ type: 'text', text: 'hi' }] }], stream: false };
}

const tool = (name: string): CanonicalTool => ({ type: 'function', name, parameters: { type: 'object' } });
const RULES = 'Follow the support policy. '.repeat(20);

test('volatile content in the stable prefix is reported with its location and text', () => {
  const linter = new PrefixLinter();
  const system =
    `Now: 2026-11-22T08:15:00Z. Session 3f2b8c1e-4d5a-4b6c-9d7e-0a1b2c3d4e5f, trace 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b. ` +
    `Today is November 22, 2026. You are helping Margaret Hale.`;
  const warnings = linter.lint({ route: 'r', request: request(system), userNames: ['Margaret Hale', 'ab'] });
  assert.deepEqual(
    warnings.map((warning) => [warning.code, warning.location, warning.excerpt]),
    [
      ['volatile-timestamp', 'system[0]', '2026-11-22T08:15:00Z'],
      ['volatile-uuid', 'system[0]', '3f2b8c1e-4d5a-4b6c-9d7e-0a1b2c3d4e5f'],
      ['volatile-hex-id', 'system[0]', '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b'],
      ['volatile-user-name', 'system[0]', 'Margaret Hale'],
    ],
  );
  assert.deepEqual(
    linter.lint({ route: 'r2', request: request('Answer as of 22/11/2026.'), userNames: [] }).map((warning) => warning.code),
    ['volatile-date'],
  );
  assert.deepEqual(linter.lint({ route: 'r3', request: request(RULES, [tool('search')]), userNames: [] }), [], 'a static prefix is clean');
});

test('the same tools in a different order on one route are reported', () => {
  const linter = new PrefixLinter();
  assert.deepEqual(linter.lint({ route: 'r', request: request(RULES, [tool('a'), tool('b')]), userNames: [] }), []);
  assert.deepEqual(linter.lint({ route: 'r', request: request(RULES, [tool('a'), tool('b')]), userNames: [] }), []);
  assert.deepEqual(
    linter.lint({ route: 'r', request: request(RULES, [tool('b'), tool('a')]), userNames: [] }).map((warning) => [warning.code, warning.location]),
    [['unstable-tool-order', 'tools']],
  );
  assert.deepEqual(linter.lint({ route: 'other', request: request(RULES, [tool('a'), tool('b')]), userNames: [] }), [], 'routes are separate');
});

test('content that changes placed before content that does not is reported, not the reverse', () => {
  const linter = new PrefixLinter();
  linter.lint({ route: 'r', request: request(`Ticket 1041.\n${RULES}`), userNames: [] });
  const before = linter.lint({ route: 'r', request: request(`Ticket 1042.\n${RULES}`), userNames: [] });
  assert.deepEqual(before.map((warning) => [warning.code, warning.location]), [['variable-before-static', 'system[0]']]);
  const after = new PrefixLinter();
  after.lint({ route: 'r', request: request(`${RULES}\nTicket 1041.`), userNames: [] });
  assert.deepEqual(after.lint({ route: 'r', request: request(`${RULES}\nTicket 1042.`), userNames: [] }), []);
});
