import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { formatUsd } from '../../src/cost/money.ts';
import { ledgerRow, startStack, type Stack } from './support/start-stack.ts';
import { PIXEL_PNG_BASE64, WEATHER_TOOL_PARAMETERS } from './support/fixtures.ts';

// OpenAI SDK → gateway → OpenAI (emulated): the same-protocol path.
let stack: Stack;
before(async () => {
  stack = await startStack();
});
after(() => stack.close());

test('a non-streamed call is answered unchanged, and its cost header is the ledger cost', async () => {
  const { data, response } = await stack
    .openai()
    .chat.completions.create({ model: 'gpt-4o-mini', max_tokens: 30, messages: [{ role: 'user', content: 'What is a refund window?' }] })
    .withResponse();
  assert.ok(data.choices[0]?.message.content);
  // A field the gateway does not model still reaches the client: the emulator's fingerprint.
  assert.equal(data.system_fingerprint, 'fp_e0f1a2b3c4');
  const row = await ledgerRow(stack, response.headers.get('x-frugal-request-id'));
  const usage = data.usage!;
  assert.deepEqual(row.request.usage, { input: usage.prompt_tokens, cacheRead: 0, cacheWrite5m: 0, cacheWrite1h: 0, output: usage.completion_tokens, reasoning: 0 });
  // gpt-4o-mini: $0.15/M input = 150,000 pico-USD a token, $0.60/M output = 600,000.
  assert.equal(row.request.cost.totalPicoUsd, usage.prompt_tokens * 150_000 + usage.completion_tokens * 600_000);
  assert.equal(response.headers.get('x-frugal-cost-usd'), formatUsd(row.request.cost.totalPicoUsd));
  assert.equal(row.request.provider, 'openai');
  assert.equal(row.request.modelServed, 'gpt-4o-mini');
  assert.equal(row.request.streamed, false);
  assert.equal(row.request.status, 200);
  assert.equal(row.request.errorClass, null);
  assert.equal(row.attempts.length, 1);
  assert.equal(row.attempts[0]!.status, 200);
  assert.deepEqual(row.request.rawUsage, usage);
});

test('a stream without include_usage comes without the usage chunk, yet the ledger has its usage', async () => {
  const { data: stream, response } = await stack
    .openai()
    .chat.completions.create({ model: 'gpt-4o-mini', max_tokens: 25, stream: true, messages: [{ role: 'user', content: 'Tell me about shipping.' }] })
    .withResponse();
  let text = '';
  let chunks = 0;
  for await (const chunk of stream) {
    chunks += 1;
    assert.ok(chunk.choices.length > 0, 'no usage-only chunk reaches a client that did not ask for it');
    assert.ok(!chunk.usage, 'no usage in any chunk');
    text += chunk.choices[0]?.delta.content ?? '';
  }
  assert.ok(chunks > 2 && text.length > 0);
  assert.equal(response.headers.get('x-frugal-cost-usd'), null, 'a stream has no cost header: the cost is known only at its end');
  const row = await ledgerRow(stack, response.headers.get('x-frugal-request-id'));
  assert.equal(row.request.streamed, true);
  assert.equal(row.request.usage.output, 25);
  assert.ok(row.request.usage.input > 0);
  assert.ok(row.request.timeToFirstTokenMs !== null && row.request.timeToFirstTokenMs <= row.request.latencyMs);
});

test('a stream with include_usage keeps the usage chunk, and the ledger matches it', async () => {
  const { data: stream, response } = await stack
    .openai()
    .chat.completions.create({
      model: 'gpt-4o-mini',
      max_tokens: 25,
      stream: true,
      stream_options: { include_usage: true },
      messages: [{ role: 'user', content: 'Tell me about returns.' }],
    })
    .withResponse();
  let usage: { prompt_tokens: number; completion_tokens: number } | undefined;
  for await (const chunk of stream) if (chunk.usage) usage = chunk.usage;
  assert.ok(usage !== undefined);
  const row = await ledgerRow(stack, response.headers.get('x-frugal-request-id'));
  assert.equal(row.request.usage.input, usage.prompt_tokens);
  assert.equal(row.request.usage.output, usage.completion_tokens);
});

test('tools: a forced call comes back with arguments matching the schema, streamed and not', async () => {
  const request = {
    model: 'gpt-4o-mini',
    messages: [{ role: 'user' as const, content: 'Weather in Lisbon?' }],
    tools: [{ type: 'function' as const, function: { name: 'get_weather', description: 'Current weather', parameters: WEATHER_TOOL_PARAMETERS } }],
    tool_choice: 'required' as const,
  };
  const completion = await stack.openai().chat.completions.create(request);
  const call = completion.choices[0]!.message.tool_calls![0]!;
  assert.equal(call.type === 'function' && call.function.name, 'get_weather');
  assert.equal(typeof JSON.parse(call.type === 'function' ? call.function.arguments : '{}').city, 'string');
  assert.equal(completion.choices[0]!.finish_reason, 'tool_calls');

  const stream = await stack.openai().chat.completions.create({ ...request, stream: true });
  let name = '';
  let argumentsText = '';
  for await (const chunk of stream) {
    for (const delta of chunk.choices[0]?.delta.tool_calls ?? []) {
      name += delta.function?.name ?? '';
      argumentsText += delta.function?.arguments ?? '';
    }
  }
  assert.equal(name, 'get_weather');
  assert.equal(typeof JSON.parse(argumentsText).city, 'string');
});

test('images: a data-URL image goes through and its tokens are billed as input', async () => {
  const text = await stack.openai().chat.completions.create({ model: 'gpt-4o-mini', max_tokens: 5, messages: [{ role: 'user', content: 'Describe it.' }] });
  const { data, response } = await stack
    .openai()
    .chat.completions.create({
      model: 'gpt-4o-mini',
      max_tokens: 5,
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'Describe it.' },
            { type: 'image_url', image_url: { url: `data:image/png;base64,${PIXEL_PNG_BASE64}`, detail: 'low' } },
          ],
        },
      ],
    })
    .withResponse();
  assert.ok(data.usage!.prompt_tokens > text.usage!.prompt_tokens, 'the image adds input tokens');
  const row = await ledgerRow(stack, response.headers.get('x-frugal-request-id'));
  assert.equal(row.request.usage.input, data.usage!.prompt_tokens);
});

test('embeddings go through and are billed as input tokens', async () => {
  const { data, response } = await stack.openai().embeddings.create({ model: 'text-embedding-3-small', input: ['refund policy', 'shipping times'] }).withResponse();
  assert.equal(data.data.length, 2);
  const row = await ledgerRow(stack, response.headers.get('x-frugal-request-id'));
  assert.equal(row.request.clientProtocol, 'openai-embeddings');
  assert.equal(row.request.usage.input, data.usage.prompt_tokens);
  // text-embedding-3-small: $0.02/M = 20,000 pico-USD a token.
  assert.equal(row.request.cost.totalPicoUsd, data.usage.prompt_tokens * 20_000);
});

test('GET /v1/models lists catalog models, and answers Anthropic SDKs in their shape', async () => {
  const models = await stack.openai().models.list();
  const ids = models.data.map((model) => model.id);
  assert.ok(ids.includes('gpt-4o-mini') && ids.includes('claude-sonnet-4-6') && ids.includes('gemini-2.5-flash'));
  const anthropicModels = await stack.anthropic().models.list();
  assert.ok(anthropicModels.data.some((model) => model.id === 'claude-sonnet-4-6'));
});
