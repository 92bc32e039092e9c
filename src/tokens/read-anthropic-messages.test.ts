import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FrugalError } from '../errors/frugal-error.ts';
import { countRequestTokens, estimateAnthropicRequest } from './count-request.ts';
import { countTextTokens } from './count-text.ts';
import { pngHeader } from './test-images.ts';

const TOOL = { name: 'lookup_order', description: 'Look up an order.', input_schema: { type: 'object', properties: { id: { type: 'string' } } } };

test('blocks follow Anthropic prefix order with their locations and breakpoints', () => {
  const body = {
    model: 'claude-haiku-4-5',
    tools: [TOOL, { ...TOOL, name: 'refund_order', cache_control: { type: 'ephemeral', ttl: '1h' } }],
    system: [{ type: 'text', text: 'You are the support agent of a bookstore.', cache_control: { type: 'ephemeral' } }],
    messages: [
      { role: 'user', content: 'Where is my order 42?' },
      { role: 'assistant', content: [{ type: 'text', text: 'Let me check.' }, { type: 'tool_use', id: 'toolu_1', name: 'lookup_order', input: { id: '42' } }] },
      { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'toolu_1', content: 'shipped' }] },
    ],
  };
  const count = estimateAnthropicRequest(body);
  assert.deepEqual(
    count.blocks.map((block) => [block.location, block.section, block.cacheControl?.ttl]),
    [
      ['tools[0]', 'tools', undefined],
      ['tools[1]', 'tools', '1h'],
      ['system[0]', 'system', '5m'],
      ['messages[0].content', 'messages', undefined],
      ['messages[1].content[0]', 'messages', undefined],
      ['messages[1].content[1]', 'messages', undefined],
      ['messages[2].content[0]', 'messages', undefined],
    ],
  );
  assert.equal(count.exact, false);
  assert.equal(count.family, 'anthropic');
  assert.equal(count.total, count.blocks.reduce((sum, block) => sum + block.tokens, 0));
  const text = (value: string) => countTextTokens(value, 'claude-haiku-4-5');
  // The tool-use system prompt (346 tokens, tool_choice auto) precedes the tools: it is on tools[0].
  assert.equal(count.blocks[0]!.tokens, 346 + text(JSON.stringify({ name: TOOL.name, description: TOOL.description, input_schema: TOOL.input_schema })));
  // A past tool call: 32 tokens of framing plus its name and JSON input; a result: 32 plus its content.
  assert.equal(count.blocks[5]!.tokens, 32 + text('lookup_order') + text('{"id":"42"}'));
  assert.equal(count.blocks[6]!.tokens, 32 + text('shipped'));
});

test('the tool-use system prompt depends on the model and on tool_choice', () => {
  const body = { tools: [TOOL], messages: [{ role: 'user', content: 'hi' }] };
  const toolsBlock = (model: string, extra: object = {}) => estimateAnthropicRequest({ ...body, ...extra }, model).blocks[0]!.tokens;
  const definition = toolsBlock('claude-haiku-4-5') - 346;
  assert.equal(toolsBlock('claude-haiku-4-5', { tool_choice: { type: 'any' } }), 313 + definition);
  assert.equal(toolsBlock('claude-sonnet-4-5'), 511 + definition);
  assert.equal(toolsBlock('claude-3-opus-20240229'), 530 + definition);
  // No tools, no tool-use system prompt.
  assert.equal(estimateAnthropicRequest({ messages: [{ role: 'user', content: 'hi' }] }, 'claude-haiku-4-5').total, countTextTokens('hi', 'claude-haiku-4-5'));
});

test('thinking of earlier turns is stripped; the current tool loop keeps it', () => {
  const thinking = { type: 'thinking', thinking: 'The user wants the order status; I should call the lookup tool first.', signature: 'sig' };
  const body = {
    model: 'claude-sonnet-4-5',
    messages: [
      { role: 'user', content: 'Where is order 41?' },
      { role: 'assistant', content: [thinking, { type: 'text', text: 'It shipped.' }] },
      { role: 'user', content: 'And order 42?' },
      { role: 'assistant', content: [thinking, { type: 'tool_use', id: 'toolu_2', name: 'lookup_order', input: { id: '42' } }] },
      { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'toolu_2', content: 'processing' }] },
    ],
  };
  const blocks = estimateAnthropicRequest(body).blocks;
  assert.equal(blocks.find((block) => block.location === 'messages[1].content[0]')!.tokens, 0);
  assert.equal(blocks.find((block) => block.location === 'messages[3].content[0]')!.tokens, countTextTokens(thinking.thinking, 'claude-sonnet-4-5'));
});

test('images: size read from base64 data, or assumed and noted', () => {
  const image = (source: object) => ({ messages: [{ role: 'user', content: [{ type: 'image', source }] }] });
  const inline = estimateAnthropicRequest(image({ type: 'base64', media_type: 'image/png', data: pngHeader(1000, 1000).toString('base64') }), 'claude-haiku-4-5');
  assert.equal(inline.total, 1334);
  const remote = estimateAnthropicRequest(image({ type: 'url', url: 'https://example.com/a.png' }), 'claude-haiku-4-5');
  assert.equal(remote.total, 1399);
  assert.match(remote.notes[0]!, /messages\[0\]\.content\[0\]: image size unknown/);
});

test('an Anthropic body counted for an OpenAI model uses the OpenAI chat rules', () => {
  const body = { system: 'Be brief.', messages: [{ role: 'user', content: 'hi' }] };
  const count = countRequestTokens('anthropic', body, 'gpt-4o');
  const text = (value: string) => countTextTokens(value, 'gpt-4o');
  // system message 3 + role + text, user message 3 + role + text, 3 reply priming.
  assert.equal(count.total, 3 + text('system') + text('Be brief.') + 3 + text('user') + text('hi') + 3);
  assert.equal(count.exact, true);
});

test('malformed bodies name the offending field', () => {
  const invalid = (body: unknown, field: RegExp) =>
    assert.throws(
      () => estimateAnthropicRequest(body, 'claude-haiku-4-5'),
      (error: unknown) => FrugalError.isInstance(error) && error.code === 'FRUGAL_INVALID_REQUEST' && field.test(error.message),
    );
  invalid({ messages: 'hi' }, /^messages must be an array/);
  invalid({ messages: [{ role: 'system', content: 'hi' }] }, /messages\[0\]\.role must be "user" or "assistant"/);
  invalid({ messages: [{ role: 'user', content: [{ text: 'hi' }] }] }, /messages\[0\]\.content\[0\]\.type must be a string/);
  invalid({ messages: [], system: [{ type: 'text', text: 'x', cache_control: { type: 'ephemeral', ttl: '2h' } }] }, /system\[0\]\.cache_control\.ttl/);
  invalid({ messages: [], tools: [{ name: 'x' }] }, /tools\[0\]\.input_schema must be an object/);
});
