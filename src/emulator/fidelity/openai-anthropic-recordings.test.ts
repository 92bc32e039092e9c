import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { assertCovers, collapse, fixture, shape, sseEvents } from './recorded-shape.ts';
import { startEmulator, type RunningEmulator } from '../start-emulator.ts';

/**
 * Fidelity against recorded real traffic (shared/data/fixtures): the emulator's streams have the
 * same event types in the same order, and every field of the recordings with the same JSON type.
 * Fields newer than a recording are allowed and listed; bytes are never compared.
 */
let emulator: RunningEmulator;
before(async () => {
  emulator = await startEmulator({ seed: 3 });
});
after(() => emulator.close());

function openAIStep(data: string): string {
  if (data === '[DONE]') return 'done';
  const chunk = JSON.parse(data);
  if (chunk.choices.length === 0) return 'usage';
  const [choice] = chunk.choices;
  if (choice.finish_reason !== null) return 'finish';
  if (choice.delta.role !== undefined) return 'role';
  if (choice.delta.tool_calls !== undefined) return 'tool_call';
  return 'content';
}

test('OpenAI chat stream: role chunk, content deltas, finish chunk, usage chunk, [DONE]', async () => {
  const snapshot = fixture('openai/ChatCompletionStream.test.ts.snap');
  const recorded = /exports\[`\.stream\(\) works 1`\] = `\n"([\s\S]*?)"\n`;/.exec(snapshot)![1]!.replace(/\\\\/g, '\\');
  const recordedEvents = sseEvents(recorded).map((event) => event.data);

  const response = await fetch(`${emulator.urls.openai}/chat/completions`, {
    method: 'POST',
    headers: { authorization: 'Bearer test', 'content-type': 'application/json' },
    body: JSON.stringify({ model: 'gpt-4o-2024-08-06', messages: [{ role: 'user', content: 'Where?' }], max_tokens: 10, stream: true, stream_options: { include_usage: true } }),
  });
  assert.match(response.headers.get('content-type')!, /^text\/event-stream/);
  const emulatedEvents = sseEvents(await response.text()).map((event) => event.data);

  assert.deepEqual(collapse(emulatedEvents.map(openAIStep)), collapse(recordedEvents.map(openAIStep)));
  assert.deepEqual(collapse(recordedEvents.map(openAIStep)), ['role', 'content', 'finish', 'usage', 'done']);
  const byStep = (events: string[], step: string) => JSON.parse(events.find((data) => openAIStep(data) === step)!);
  for (const step of ['role', 'content', 'finish', 'usage']) {
    assertCovers(shape(byStep(emulatedEvents, step)), shape(byStep(recordedEvents, step)), step);
  }
});

function anthropicStep(event: { event?: string; data: string }): string {
  const data = JSON.parse(event.data);
  assert.equal(data.type, event.event, 'the event name matches the data type');
  if (data.type === 'content_block_start') return `start:${data.content_block.type}`;
  if (data.type === 'content_block_delta') return `delta:${data.delta.type}`;
  return data.type;
}

async function anthropicStream(body: Record<string, unknown>) {
  const response = await fetch(`${emulator.url}/v1/messages`, {
    method: 'POST',
    headers: { 'x-api-key': 'test', 'anthropic-version': '2023-06-01', 'content-type': 'application/json' },
    body: JSON.stringify({ model: 'claude-opus-4-8', max_tokens: 100, stream: true, ...body }),
  });
  return sseEvents(await response.text());
}

test('Anthropic text stream: the recorded event order and message_start / message_delta fields', async () => {
  const recorded = sseEvents(fixture('anthropic/tests_lib_fixtures_basic_response.txt'));
  const emulated = await anthropicStream({ messages: [{ role: 'user', content: 'Hello' }] });
  assert.deepEqual(collapse(emulated.map(anthropicStep)), collapse(recorded.map(anthropicStep)));
  const data = (events: typeof recorded, type: string) => JSON.parse(events.find((event) => event.event === type)!.data);
  for (const type of ['message_start', 'content_block_start', 'content_block_delta', 'content_block_stop', 'message_delta', 'message_stop']) {
    assertCovers(shape(data(emulated, type)), shape(data(recorded, type)), type);
  }
});

test('Anthropic tool-use stream: tool_use block with input_json_delta, as recorded', async () => {
  const recorded = sseEvents(fixture('anthropic/tests_lib_fixtures_tool_use_response.txt'));
  const emulated = await anthropicStream({
    messages: [{ role: 'user', content: 'Weather in Paris?' }],
    tools: [{ name: 'get_weather', input_schema: { type: 'object', properties: { location: { type: 'string' } }, required: ['location'] } }],
    tool_choice: { type: 'tool', name: 'get_weather' },
  });
  const recordedSteps = collapse(recorded.map(anthropicStep));
  const emulatedSteps = collapse(emulated.map(anthropicStep));
  // With a forced tool the API sends no text block first, so the ping (which follows the first
  // block start) comes after the tool block: compare from the tool block on, pings aside.
  assert.equal(emulatedSteps[2], 'ping');
  const fromTool = (steps: string[]) => steps.slice(steps.indexOf('start:tool_use')).filter((step) => step !== 'ping');
  assert.deepEqual(fromTool(emulatedSteps), fromTool(recordedSteps));
  const toolStart = (events: typeof recorded) => JSON.parse(events.find((event) => event.data.includes('"tool_use"'))!.data);
  assertCovers(shape(toolStart(emulated)), shape(toolStart(recorded)), 'content_block_start');
  const delta = JSON.parse(emulated.filter((event) => event.event === 'message_delta')[0]!.data);
  assert.equal(delta.delta.stop_reason, 'tool_use');
});

test('Anthropic thinking stream: thinking deltas then a signature, as recorded', async () => {
  const recorded = sseEvents(fixture('anthropic/tests_fixtures_fable-fallback_stream-a-refusal.sse'));
  const emulated = await anthropicStream({ max_tokens: 2000, thinking: { type: 'enabled', budget_tokens: 1024 }, messages: [{ role: 'user', content: 'Explain' }] });
  const thinkingPart = (steps: string[]) => steps.slice(0, steps.indexOf('start:text'));
  assert.deepEqual(thinkingPart(collapse(emulated.map(anthropicStep))), thinkingPart(collapse(recorded.map(anthropicStep))));
  const start = (events: typeof recorded) => JSON.parse(events[0]!.data);
  assertCovers(shape(start(emulated)), shape(start(recorded)), 'message_start');
});
