import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CanonicalRequest } from '../../protocols/canonical/request.ts';
import { responseCacheKey, type CacheScope } from './cache-key.ts';

const scope: CacheScope = { tenant: 'acme', route: 'support' };
const base: CanonicalRequest = {
  model: 'gpt-test',
  system: [{ type: 'text', text: 'Be brief.' }],
  messages: [{ role: 'user', content: [{ type: 'text', text: 'What is 2 + 2?' }] }],
  tools: [{ type: 'function', name: 'calc', parameters: { type: 'object' } }],
  temperature: 0,
  stream: false,
};
const key = responseCacheKey(scope, base);

test('every output-changing parameter changes the key', () => {
  const variants: Array<[string, Partial<CanonicalRequest>]> = [
    ['model', { model: 'gpt-other' }],
    ['system', { system: [{ type: 'text', text: 'Be verbose.' }] }],
    ['messages', { messages: [{ role: 'user', content: [{ type: 'text', text: 'What is 2 + 3?' }] }] }],
    ['message role/name', { messages: [{ role: 'user', name: 'ann', content: [{ type: 'text', text: 'What is 2 + 2?' }] }] }],
    ['tools', { tools: [{ type: 'function', name: 'calc', parameters: { type: 'object', properties: { x: { type: 'number' } } } }] }],
    ['no tools', { tools: undefined }],
    ['tool choice', { toolChoice: { type: 'required' } }],
    ['parallel tool calls', { parallelToolCalls: false }],
    ['max tokens', { maxOutputTokens: 10 }],
    ['temperature', { temperature: 0.5 }],
    ['top p', { topP: 0.9 }],
    ['top k', { topK: 40 }],
    ['presence penalty', { presencePenalty: 0.1 }],
    ['frequency penalty', { frequencyPenalty: 0.1 }],
    ['seed', { seed: 7 }],
    ['stop', { stop: ['\n'] }],
    ['n', { candidateCount: 2 }],
    ['response format', { responseFormat: { type: 'json_object' } }],
    ['json schema', { responseFormat: { type: 'json_schema', schema: { type: 'object' }, name: 'answer' } }],
    ['reasoning effort', { reasoning: { effort: 'high' } }],
    ['reasoning budget', { reasoning: { enabled: true, budgetTokens: 1024 } }],
    ['unmodelled wire fields', { extensions: { 'openai-chat': { logprobs: true } } }],
  ];
  const keys = new Set([key]);
  for (const [name, change] of variants) {
    const changed = responseCacheKey(scope, { ...base, ...change });
    assert.notEqual(changed, key, `${name} must change the key`);
    keys.add(changed);
  }
  assert.equal(keys.size, variants.length + 1, 'all variants have distinct keys');
});

test('fields that cannot change the output keep the key', () => {
  const same: Array<Partial<CanonicalRequest>> = [
    { stream: true, streamIncludeUsage: true },
    { user: 'end-user-9', metadata: { trace: 'x' } },
    { cache: { key: 'pck', breakpoint: { ttl: '5m' } } },
    { system: [{ type: 'text', text: 'Be brief.', cache: { ttl: '1h' } }] },
    { serviceTier: 'flex' },
  ];
  for (const change of same) assert.equal(responseCacheKey(scope, { ...base, ...change }), key, JSON.stringify(change));
  assert.equal(responseCacheKey(scope, { ...base, stop: ['b', 'a', 'a'] }), responseCacheKey(scope, { ...base, stop: ['a', 'b'] }), 'stop sequences are a set');
});

test('the key is scoped by tenant and route', () => {
  assert.notEqual(responseCacheKey({ tenant: 'globex', route: 'support' }, base), key);
  assert.notEqual(responseCacheKey({ tenant: 'acme', route: 'sales' }, base), key);
  // no ambiguity from concatenation: ("a", "bc") and ("ab", "c") differ
  assert.notEqual(responseCacheKey({ tenant: 'a', route: 'bc' }, base), responseCacheKey({ tenant: 'ab', route: 'c' }, base));
});
