import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import Anthropic from '@anthropic-ai/sdk';
import { createClock } from './clock.ts';
import { startEmulator, type RunningEmulator } from './start-emulator.ts';

let emulator: RunningEmulator;
let client: Anthropic;
const MODEL = 'claude-opus-4-8';

before(async () => {
  emulator = await startEmulator({ clock: createClock({ start: Date.parse('2026-03-01T00:00:00Z') }), seed: 11 });
  client = new Anthropic({ apiKey: 'sk-ant-test', baseURL: emulator.urls.anthropic, maxRetries: 0 });
});
after(() => emulator.close());

const SYSTEM = 'You are the billing assistant of a large company; answer with care. '.repeat(120);

test('messages.create: a message with text, stop reason and exclusive usage', async () => {
  const message = await client.messages.create({ model: MODEL, max_tokens: 30, messages: [{ role: 'user', content: 'Hello' }] });
  assert.equal(message.type, 'message');
  assert.equal(message.content[0]?.type, 'text');
  assert.ok(message.stop_reason === 'end_turn' || message.stop_reason === 'max_tokens');
  assert.ok(message.usage.output_tokens <= 30);
  assert.equal(message.usage.cache_read_input_tokens, 0);
});

test('prompt caching: the first call writes the system prefix, the second reads it', async () => {
  const ask = (question: string) =>
    client.messages.create({
      model: MODEL,
      max_tokens: 10,
      system: [{ type: 'text', text: SYSTEM, cache_control: { type: 'ephemeral', ttl: '1h' } }],
      messages: [{ role: 'user', content: question }],
    });
  const first = await ask('First?');
  const written = first.usage.cache_creation_input_tokens!;
  assert.ok(written >= 1024, `wrote ${written}`);
  assert.equal(first.usage.cache_creation!.ephemeral_1h_input_tokens, written);
  assert.equal(first.usage.cache_read_input_tokens, 0);
  emulator.clock.advance(30 * 60_000);
  const second = await ask('Second?');
  assert.equal(second.usage.cache_read_input_tokens, written, 'read 30 minutes later: 1-hour TTL');
  assert.equal(second.usage.cache_creation_input_tokens, 0);
  const other = new Anthropic({ apiKey: 'another-organisation', baseURL: emulator.urls.anthropic, maxRetries: 0 });
  const isolated = await other.messages.create({
    model: MODEL,
    max_tokens: 10,
    system: [{ type: 'text', text: SYSTEM, cache_control: { type: 'ephemeral', ttl: '1h' } }],
    messages: [{ role: 'user', content: 'Second?' }],
  });
  assert.equal(isolated.usage.cache_read_input_tokens, 0, 'caches are per API key');
});

test('messages.stream().finalMessage(): thinking and text blocks, cumulative usage', async () => {
  const stream = client.messages.stream({
    model: MODEL,
    max_tokens: 3000,
    thinking: { type: 'enabled', budget_tokens: 1024 },
    messages: [{ role: 'user', content: 'Think, then answer' }],
  });
  let text = '';
  stream.on('text', (delta) => (text += delta));
  const message = await stream.finalMessage();
  assert.deepEqual(message.content.map((block) => block.type), ['thinking', 'text']);
  const textBlock = message.content[1];
  assert.ok(textBlock?.type === 'text' && textBlock.text === text);
  const thinking = (message.usage as unknown as { output_tokens_details?: { thinking_tokens: number } }).output_tokens_details?.thinking_tokens ?? 0;
  assert.ok(thinking > 0 && thinking <= 1024, `thinking ${thinking} within the budget`);
  assert.ok(message.usage.output_tokens > thinking);
});

test('forced tool use: tool_choice any gives a tool_use block with input valid for its schema', async () => {
  const message = await client.messages.create({
    model: MODEL,
    max_tokens: 200,
    tools: [
      {
        name: 'create_ticket',
        input_schema: { type: 'object', properties: { title: { type: 'string' }, priority: { type: 'string', enum: ['low', 'high'] } }, required: ['title', 'priority'] },
      },
    ],
    tool_choice: { type: 'any' },
    messages: [{ role: 'user', content: 'Open a ticket' }],
  });
  assert.equal(message.stop_reason, 'tool_use');
  const block = message.content.find((item) => item.type === 'tool_use');
  assert.ok(block?.type === 'tool_use');
  assert.equal(block.name, 'create_ticket');
  const input = block.input as { title: unknown; priority: unknown };
  assert.equal(typeof input.title, 'string');
  assert.ok(input.priority === 'low' || input.priority === 'high');
});

test('count_tokens counts the prompt as messages.create bills it', async () => {
  const request = { model: MODEL, messages: [{ role: 'user' as const, content: 'How many tokens is this sentence?' }] };
  const counted = await client.messages.countTokens(request);
  const billed = await client.messages.create({ ...request, max_tokens: 5 });
  assert.equal(counted.input_tokens, billed.usage.input_tokens);
});

test('errors: 404 for another provider\'s model, 400 for five breakpoints, 529 overloaded', async () => {
  await assert.rejects(
    client.messages.create({ model: 'gpt-4o', max_tokens: 5, messages: [{ role: 'user', content: 'x' }] }),
    (error: unknown) => error instanceof Anthropic.NotFoundError && error.status === 404,
  );
  const block = { type: 'text' as const, text: 'part', cache_control: { type: 'ephemeral' as const } };
  await assert.rejects(
    client.messages.create({ model: MODEL, max_tokens: 5, system: [block, block, block], messages: [{ role: 'user', content: [block, block] }] }),
    (error: unknown) => error instanceof Anthropic.BadRequestError && /A maximum of 4 blocks with cache_control/.test(error.message),
  );
  emulator.faults.add({ rates: [], scripts: [{ model: MODEL, sequence: ['overloaded'] }] });
  await assert.rejects(
    client.messages.create({ model: MODEL, max_tokens: 5, messages: [{ role: 'user', content: 'x' }] }),
    (error: unknown) => error instanceof Anthropic.APIError && error.status === 529 && (error.error as { error: { type: string } }).error.type === 'overloaded_error',
  );
});

test('an error event inside a 200 stream reaches the stream helper as an error', async () => {
  emulator.faults.add({ rates: [], scripts: [{ model: MODEL, sequence: ['stream_error'] }] });
  const stream = client.messages.stream({ model: MODEL, max_tokens: 50, messages: [{ role: 'user', content: 'x' }] });
  await assert.rejects(stream.finalMessage(), (error: unknown) => error instanceof Anthropic.APIError && /Overloaded/.test(error.message));
});

test('message batches: in progress, then ended with results', async () => {
  const batch = await client.messages.batches.create({
    requests: [
      { custom_id: 'good', params: { model: MODEL, max_tokens: 10, messages: [{ role: 'user', content: 'hi' }] } },
      { custom_id: 'bad-model', params: { model: 'not-a-model', max_tokens: 10, messages: [{ role: 'user', content: 'hi' }] } },
    ],
  });
  assert.equal(batch.processing_status, 'in_progress');
  emulator.clock.advance(emulator.state.batchTiming.completionDelayMilliseconds);
  const ended = await client.messages.batches.retrieve(batch.id);
  assert.equal(ended.processing_status, 'ended');
  assert.deepEqual(ended.request_counts, { processing: 0, succeeded: 1, errored: 1, canceled: 0, expired: 0 });
  const results: Record<string, string> = {};
  for await (const entry of await client.messages.batches.results(batch.id)) results[entry.custom_id] = entry.result.type;
  assert.deepEqual(results, { good: 'succeeded', 'bad-model': 'errored' });
});
