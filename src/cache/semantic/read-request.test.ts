import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CanonicalRequest } from '../../protocols/canonical/request.ts';
import { readSemanticRequest, scopeOfRequest } from './read-request.ts';
import { scopeKey } from './scope.ts';

const text = (value: string) => [{ type: 'text' as const, text: value }];
const base: CanonicalRequest = {
  model: 'gpt-5-mini',
  system: text('You are a support agent.'),
  messages: [{ role: 'user', content: text('How do I reset my password?') }],
  stream: false,
};
const SINGLE_TURN = { multiTurn: false };

test('a single-turn text request is eligible; its text is the user message', () => {
  const view = readSemanticRequest(base, SINGLE_TURN);
  assert.ok(view.eligible);
  assert.equal(view.text, 'How do I reset my password?');
});

test('skipped: tools offered, tool calls or results present, more than one turn, images', () => {
  const tool = { type: 'function' as const, name: 'lookup_order' };
  assert.deepEqual(readSemanticRequest({ ...base, tools: [tool] }, SINGLE_TURN), { eligible: false, reason: 'tools' });
  const withResult: CanonicalRequest = {
    ...base,
    messages: [
      base.messages[0]!,
      { role: 'assistant', content: [{ type: 'tool_call', id: 'c1', name: 'lookup_order', arguments: '{}' }] },
      { role: 'tool', content: [{ type: 'tool_result', toolCallId: 'c1', content: text('shipped') }] },
    ],
  };
  assert.deepEqual(readSemanticRequest(withResult, { multiTurn: true }), { eligible: false, reason: 'tool-results' });
  const twoTurns: CanonicalRequest = { ...base, messages: [base.messages[0]!, { role: 'assistant', content: text('Which account?') }, { role: 'user', content: text('Work') }] };
  assert.deepEqual(readSemanticRequest(twoTurns, SINGLE_TURN), { eligible: false, reason: 'multi-turn' });
  const image: CanonicalRequest = { ...base, messages: [{ role: 'user', content: [{ type: 'image', source: { kind: 'url', url: 'https://example.com/a.png' } }] }] };
  assert.deepEqual(readSemanticRequest(image, SINGLE_TURN), { eligible: false, reason: 'non-text' });
});

test('a route that allows multi-turn keys the conversation by all its turns', () => {
  const twoTurns: CanonicalRequest = { ...base, messages: [base.messages[0]!, { role: 'assistant', content: text('Which account?') }, { role: 'user', content: text('Work') }] };
  const view = readSemanticRequest(twoTurns, { multiTurn: true });
  assert.ok(view.eligible);
  assert.equal(view.text, 'user: How do I reset my password?\nassistant: Which account?\nuser: Work');
});

test('the scope separates system prompts and output parameters, and ignores key order', () => {
  const identity = { tenant: 'acme', route: 'support', model: 'gpt-5-mini' };
  const key = (request: CanonicalRequest) => {
    const view = readSemanticRequest(request, SINGLE_TURN);
    assert.ok(view.eligible);
    return scopeKey(scopeOfRequest(identity, view));
  };
  const original = key(base);
  assert.equal(key({ ...base }), original);
  assert.notEqual(key({ ...base, system: text('You are a sales agent.') }), original);
  assert.notEqual(key({ ...base, maxOutputTokens: 50 }), original);
  assert.notEqual(key({ ...base, responseFormat: { type: 'json_object' } }), original);
  const schemaA = key({ ...base, responseFormat: { type: 'json_schema', schema: { type: 'object', required: ['a'] } } });
  const schemaB = key({ ...base, responseFormat: { schema: { required: ['a'], type: 'object' }, type: 'json_schema' } });
  assert.equal(schemaA, schemaB);
});

test('scope keys cannot collide by moving characters between fields', () => {
  const scope = { tenant: 'ab', route: 'c', model: 'm', systemPromptHash: 's', toolSetHash: 't', parametersHash: 'p' };
  assert.notEqual(scopeKey(scope), scopeKey({ ...scope, tenant: 'a', route: 'bc' }));
});
