import assert from 'node:assert/strict';
import { test } from 'node:test';
import { detectRequestProtocol } from './detect-protocol.ts';

test('tells OpenAI, Anthropic and Gemini bodies apart', () => {
  assert.equal(detectRequestProtocol({ model: 'gpt-4o', messages: [{ role: 'system', content: 'x' }, { role: 'user', content: 'hi' }] }), 'openai');
  assert.equal(detectRequestProtocol({ model: 'gpt-4o', messages: [{ role: 'user', content: [{ type: 'image_url', image_url: { url: 'u' } }] }] }), 'openai');
  assert.equal(detectRequestProtocol({ model: 'claude-haiku-4-5', system: 'x', messages: [] }), 'anthropic');
  assert.equal(detectRequestProtocol({ tools: [{ name: 't', input_schema: { type: 'object' } }], messages: [] }), 'anthropic');
  assert.equal(detectRequestProtocol({ messages: [{ role: 'user', content: [{ type: 'tool_result', tool_use_id: 'x', content: 'ok' }] }] }), 'anthropic');
  assert.equal(detectRequestProtocol({ contents: [{ parts: [{ text: 'hi' }] }] }), 'gemini');
  // Plain user/assistant text fits both: the model decides.
  assert.equal(detectRequestProtocol({ model: 'claude-haiku-4-5', messages: [{ role: 'user', content: 'hi' }] }), 'anthropic');
  assert.equal(detectRequestProtocol({ model: 'gpt-5-mini', messages: [{ role: 'user', content: 'hi' }] }), 'openai');
});

test('a body that is neither names what is missing', () => {
  assert.throws(() => detectRequestProtocol([1, 2]), /request body must be a JSON object, got an array/);
  assert.throws(() => detectRequestProtocol({ prompt: 'hi' }), /messages must be an array/);
});
