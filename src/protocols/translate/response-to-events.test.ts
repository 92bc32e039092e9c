import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CanonicalResponse } from '../canonical/response.ts';
import { normalizeAnthropicUsage, encodeAnthropicUsage } from '../../usage/shapes/anthropic.ts';
import { responseToStreamEvents } from './response-to-events.ts';

const usage = normalizeAnthropicUsage(encodeAnthropicUsage({ input: 40, cacheRead: 10, cacheWrite5m: 0, cacheWrite1h: 0, output: 7, reasoning: 3 }));
const response: CanonicalResponse = {
  id: 'msg_1',
  model: 'claude-opus-4-8',
  choices: [{ index: 0, content: [{ type: 'text', text: 'a😀b' }, { type: 'tool_call', id: 't1', name: 'f', arguments: '{"x":1}' }], stopReason: 'tool_use' }],
  usage,
};

test('deltas are cut at chunkSize but never inside a surrogate pair', () => {
  const texts = responseToStreamEvents(response, { chunkSize: 2 }).flatMap((event) => (event.type === 'text_delta' ? [event.text] : []));
  // "a😀b" is a, \uD83D, \uDE00, b: the pair stays whole, so the second piece is 3 code units
  assert.deepEqual(texts, ['a\uD83D\uDE00', 'b']);
});

test('usage comes first as the input side only, and last in full', () => {
  const events = responseToStreamEvents(response);
  const usages = events.flatMap((event) => (event.type === 'usage' ? [event.usage.buckets] : []));
  assert.deepEqual(usages, [
    { input: 40, cacheRead: 10, cacheWrite5m: 0, cacheWrite1h: 0, output: 0, reasoning: 0 },
    { input: 40, cacheRead: 10, cacheWrite5m: 0, cacheWrite1h: 0, output: 7, reasoning: 3 },
  ]);
  assert.deepEqual(
    events.map((event) => event.type),
    ['response_start', 'usage', 'part_start', 'text_delta', 'part_end', 'part_start', 'tool_call_delta', 'part_end', 'choice_end', 'usage', 'response_end'],
  );
});
