import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { formatUsd } from '../../src/cost/money.ts';
import { ledgerRow, startStack, type Stack } from './support/start-stack.ts';
import { PIXEL_PNG_BASE64, WEATHER_TOOL_PARAMETERS } from './support/fixtures.ts';

// Anthropic SDK → gateway → Anthropic (emulated): the same-protocol path.
let stack: Stack;
before(async () => {
  stack = await startStack();
});
after(() => stack.close());

test('a non-streamed message is answered unchanged, with its cost', async () => {
  const { data, response } = await stack
    .anthropic()
    .messages.create({ model: 'claude-sonnet-4-6', max_tokens: 30, messages: [{ role: 'user', content: 'Where is my parcel?' }] })
    .withResponse();
  assert.equal(data.type, 'message');
  assert.equal(data.content[0]?.type, 'text');
  const row = await ledgerRow(stack, response.headers.get('x-frugal-request-id'));
  assert.equal(row.request.clientProtocol, 'anthropic-messages');
  assert.equal(row.request.provider, 'anthropic');
  assert.deepEqual(row.request.usage, { input: data.usage.input_tokens, cacheRead: 0, cacheWrite5m: 0, cacheWrite1h: 0, output: data.usage.output_tokens, reasoning: 0 });
  // claude-sonnet-4-6: $3/M input = 3,000,000 pico-USD a token, $15/M output = 15,000,000.
  assert.equal(row.request.cost.totalPicoUsd, data.usage.input_tokens * 3_000_000 + data.usage.output_tokens * 15_000_000);
  assert.equal(response.headers.get('x-frugal-cost-usd'), formatUsd(row.request.cost.totalPicoUsd));
});

test('a stream arrives event by event, and the ledger has its cumulative usage', async () => {
  const stream = stack.anthropic().messages.stream({ model: 'claude-sonnet-4-6', max_tokens: 40, messages: [{ role: 'user', content: 'Explain returns.' }] });
  const events: string[] = [];
  stream.on('streamEvent', (event) => void events.push(event.type));
  const message = await stream.finalMessage();
  assert.deepEqual([events[0], events.at(-1)], ['message_start', 'message_stop']);
  assert.ok(events.includes('content_block_delta'));
  const { response } = await stream.withResponse();
  const row = await ledgerRow(stack, response.headers.get('x-frugal-request-id'));
  assert.equal(row.request.streamed, true);
  assert.equal(row.request.usage.output, message.usage.output_tokens);
  assert.equal(row.request.usage.input, message.usage.input_tokens);
});

test('tools and images go through, streamed and not', async () => {
  const request = {
    model: 'claude-sonnet-4-6',
    max_tokens: 200,
    tools: [{ name: 'get_weather', description: 'Current weather', input_schema: WEATHER_TOOL_PARAMETERS }],
    tool_choice: { type: 'any' as const },
    messages: [
      {
        role: 'user' as const,
        content: [
          { type: 'image' as const, source: { type: 'base64' as const, media_type: 'image/png' as const, data: PIXEL_PNG_BASE64 } },
          { type: 'text' as const, text: 'What is the weather where this photo was taken?' },
        ],
      },
    ],
  };
  const message = await stack.anthropic().messages.create(request);
  const call = message.content.find((block) => block.type === 'tool_use');
  assert.equal(call?.type === 'tool_use' && call.name, 'get_weather');
  assert.equal(message.stop_reason, 'tool_use');
  const streamed = await stack.anthropic().messages.stream(request).finalMessage();
  const streamedCall = streamed.content.find((block) => block.type === 'tool_use');
  assert.equal(typeof (streamedCall?.type === 'tool_use' ? (streamedCall.input as { city?: unknown }).city : undefined), 'string');
});

test('count_tokens is answered by Anthropic for its models and estimated locally for the others', async () => {
  const body = { messages: [{ role: 'user' as const, content: 'How long does shipping take to Portugal?' }] };
  const exact = await stack.anthropic().messages.countTokens({ model: 'claude-sonnet-4-6', ...body }).withResponse();
  assert.ok(exact.data.input_tokens > 0);
  assert.equal(exact.response.headers.get('x-frugal-token-count'), null);
  const estimated = await stack.anthropic().messages.countTokens({ model: 'gpt-4o-mini', ...body }).withResponse();
  assert.ok(estimated.data.input_tokens > 0);
  assert.equal(estimated.response.headers.get('x-frugal-token-count'), 'estimate');
});
