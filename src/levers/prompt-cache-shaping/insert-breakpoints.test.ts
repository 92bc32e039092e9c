import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CanonicalRequest, FunctionTool } from '../../protocols/canonical/request.ts';
import { ANTHROPIC_CACHE_MULTIPLIERS } from './choose-ttl.ts';
import { insertBreakpoints, MAXIMUM_BREAKPOINTS, type BreakpointContext } from './insert-breakpoints.ts';
import { ReuseTracker } from './reuse-tracker.ts';

/** About `words` tokens of distinct text (one word ≈ one token or two). */
function text(words: number, seed: string): string {
  return Array.from({ length: words }, (_, index) => `${seed}${index % 97}`).join(' ');
}

function tool(name: string, words: number): FunctionTool {
  return { type: 'function', name, description: text(words, name), parameters: { type: 'object', properties: {} } };
}

function request(fields: Partial<CanonicalRequest>): CanonicalRequest {
  return {
    model: 'claude-sonnet-4-5',
    messages: [
      { role: 'user', content: [{ type: 'text', text: 'first question' }] },
      { role: 'assistant', content: [{ type: 'text', text: 'an answer' }] },
      { role: 'user', content: [{ type: 'text', text: 'the newest question' }] },
    ],
    stream: false,
    ...fields,
  };
}

function context(overrides: Partial<BreakpointContext> = {}): BreakpointContext {
  return { route: 'support', minimumCacheableTokens: 1024, prices: ANTHROPIC_CACHE_MULTIPLIERS, tracker: new ReuseTracker({ clock: () => 0 }), ...overrides };
}

function countHints(value: CanonicalRequest): number {
  return JSON.stringify(value).split('"cache":{"ttl"').length - 1;
}

test('tools and system above the minimum get breakpoints at their ends, and the last stable message too', () => {
  const input = request({ tools: [tool('search', 800), tool('fetch', 800)], system: [{ type: 'text', text: text(1500, 'rule') }] });
  const result = insertBreakpoints(input, context());
  assert.deepEqual(
    result.inserted.map((item) => [item.boundary, item.location, item.ttl]),
    [
      ['tools', 'tools[1]', '5m'],
      ['system', 'system[0]', '5m'],
      ['messages', 'messages[1].content[0]', '5m'],
    ],
  );
  const [tools, system, messages] = result.inserted.map((item) => item.prefixTokens);
  assert.ok(tools! >= 1024 && system! > tools! && messages! > system!, 'prefix tokens grow along the prompt');
  assert.deepEqual((result.request.tools![1] as FunctionTool).cache, { ttl: '5m' });
  assert.equal((input.tools![1] as FunctionTool).cache, undefined, 'the input request is not changed');
  assert.equal(result.request.messages[2]!.content[0]!.type === 'text' && result.request.messages[2]!.content[0]!.cache, undefined, 'the newest message is not cached');
});

test('a prefix below the model minimum gets no breakpoint', () => {
  const small = request({ tools: [tool('search', 20)], system: [{ type: 'text', text: 'You are terse.' }] });
  const result = insertBreakpoints(small, context());
  assert.deepEqual(result.inserted, []);
  assert.deepEqual(result.skipped.map((item) => [item.boundary, item.reason]), [
    ['system', 'below-minimum'],
    ['messages', 'below-minimum'],
    ['tools', 'below-minimum'],
  ]);
  assert.equal(countHints(result.request), 0);
  // tools alone below, tools + system above: only the system end is marked
  const mixed = insertBreakpoints(request({ tools: [tool('search', 20)], system: [{ type: 'text', text: text(1500, 'rule') }], messages: [{ role: 'user', content: [{ type: 'text', text: 'hi' }] }] }), context());
  assert.deepEqual(mixed.inserted.map((item) => item.boundary), ['system']);
});

test('an unknown minimum inserts nothing', () => {
  const result = insertBreakpoints(request({ system: [{ type: 'text', text: text(1500, 'rule') }] }), context({ minimumCacheableTokens: undefined }));
  assert.deepEqual(result.inserted, []);
  assert.ok(result.skipped.every((item) => item.reason === 'minimum-unknown'));
});

test("the client's breakpoints are kept and count against the four", () => {
  const input = request({
    tools: [tool('search', 800), tool('fetch', 800)],
    system: [{ type: 'text', text: text(700, 'a'), cache: { ttl: '1h' } }, { type: 'text', text: text(700, 'b') }],
    messages: [
      { role: 'user', content: [{ type: 'text', text: 'one', cache: { ttl: '5m' } }] },
      { role: 'assistant', content: [{ type: 'text', text: 'two', cache: { ttl: '5m' } }] },
      { role: 'user', content: [{ type: 'text', text: 'three' }] },
    ],
  });
  const result = insertBreakpoints(input, context());
  assert.equal(result.clientBreakpoints, 3);
  // the client's breakpoint already ends the stable messages; one slot left goes to system (first in priority)
  assert.deepEqual(result.inserted.map((item) => item.location), ['system[1]']);
  assert.deepEqual(result.skipped.map((item) => [item.boundary, item.reason]), [
    ['messages', 'client-breakpoint'],
    ['tools', 'no-breakpoint-left'],
  ]);
  assert.equal(countHints(result.request), MAXIMUM_BREAKPOINTS);
  assert.deepEqual(result.request.system![0]!.cache, { ttl: '1h' });
});

test('never more than four breakpoints, whatever the client sent', () => {
  const parts = Array.from({ length: 4 }, (_, index) => ({ type: 'text' as const, text: text(400, `s${index}`), cache: { ttl: '5m' as const } }));
  const result = insertBreakpoints(request({ tools: [tool('search', 1500)], system: parts }), context());
  assert.deepEqual(result.inserted, []);
  assert.equal(countHints(result.request), 4);
});

test('TTL per prefix follows the observed reuse interval, and a 1h breakpoint never follows a 5m one', () => {
  let now = 0;
  const tracker = new ReuseTracker({ clock: () => now });
  const shared = { tools: [tool('search', 1500)], system: [{ type: 'text' as const, text: text(1500, 'rule') }] };
  const first = insertBreakpoints(request(shared), context({ tracker }));
  assert.deepEqual(first.inserted.map((item) => item.ttl), ['5m', '5m', '5m'], 'first sighting: 5m');
  now += 10 * 60_000;
  // same tools and system every 10 min → 1h (6 reuses an hour ≥ 2); the conversation is new → 5m
  const later = insertBreakpoints(request({ ...shared, messages: [{ role: 'user', content: [{ type: 'text', text: 'other' }] }, { role: 'assistant', content: [{ type: 'text', text: 'x' }] }, { role: 'user', content: [{ type: 'text', text: 'y' }] }] }), context({ tracker }));
  assert.deepEqual(later.inserted.map((item) => [item.boundary, item.ttl]), [
    ['tools', '1h'],
    ['system', '1h'],
    ['messages', '5m'],
  ]);
  // a client 5m breakpoint on the first tool forces ours after it down to 5m
  now += 10 * 60_000;
  const forced = insertBreakpoints(request({ ...shared, tools: [{ ...tool('lookup', 10), cache: { ttl: '5m' } }, ...shared.tools] }), context({ tracker }));
  assert.ok(forced.inserted.every((item) => item.ttl === '5m'));
  // reused every 40 min: k = 1 reuse an hour never pays for a write → no breakpoint
  const rare = new ReuseTracker({ clock: () => now });
  insertBreakpoints(request(shared), context({ tracker: rare }));
  now += 40 * 60_000;
  const result = insertBreakpoints(request({ ...shared, messages: [{ role: 'user', content: [{ type: 'text', text: 'q' }] }] }), context({ tracker: rare }));
  assert.deepEqual(result.skipped.map((item) => item.reason), ['not-worth-writing', 'not-worth-writing']);
});
