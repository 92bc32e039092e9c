import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import OpenAI, { toFile } from 'openai';
import { createClock } from './clock.ts';
import { startEmulator, type RunningEmulator } from './start-emulator.ts';

let emulator: RunningEmulator;
let client: OpenAI;

before(async () => {
  emulator = await startEmulator({ clock: createClock({ start: Date.parse('2026-03-01T00:00:00Z') }), seed: 7 });
  client = new OpenAI({ apiKey: 'sk-test', baseURL: emulator.urls.openai, maxRetries: 0 });
});
after(() => emulator.close());

const LONG_SYSTEM = 'You answer questions about invoices, carefully and briefly. '.repeat(150);

test('chat completion: text, finish reason and usage that adds up', async () => {
  const completion = await client.chat.completions.create({
    model: 'gpt-4o-mini',
    messages: [{ role: 'user', content: 'Say hello' }],
    max_tokens: 12,
  });
  const choice = completion.choices[0]!;
  assert.equal(completion.object, 'chat.completion');
  assert.equal(typeof choice.message.content, 'string');
  assert.ok(choice.finish_reason === 'stop' || choice.finish_reason === 'length');
  const usage = completion.usage!;
  assert.equal(usage.total_tokens, usage.prompt_tokens + usage.completion_tokens);
  assert.ok(usage.completion_tokens <= 12);
});

test('the same request gets the same answer (deterministic by seed and prompt)', async () => {
  const request = { model: 'gpt-4o', messages: [{ role: 'user' as const, content: 'Name a colour' }] };
  const first = await client.chat.completions.create(request);
  const second = await client.chat.completions.create(request);
  assert.equal(first.choices[0]!.message.content, second.choices[0]!.message.content);
  assert.notEqual(first.id, second.id);
});

test('stream helper: finalChatCompletion assembles the streamed chunks, usage included', async () => {
  const stream = client.chat.completions.stream({
    model: 'gpt-4o-mini',
    messages: [{ role: 'user', content: 'Tell me something' }],
    max_completion_tokens: 40,
    stream_options: { include_usage: true },
  });
  const deltas: string[] = [];
  stream.on('content', (delta) => deltas.push(delta));
  const final = await stream.finalChatCompletion();
  assert.equal(final.choices[0]!.message.content, deltas.join(''));
  assert.equal(final.usage!.completion_tokens, deltas.length, 'one token per content chunk');
});

test('forced tool call: arguments are JSON valid against the tool schema', async () => {
  const completion = await client.chat.completions.create({
    model: 'gpt-4o',
    messages: [{ role: 'user', content: 'What is the weather in Paris?' }],
    tools: [
      {
        type: 'function',
        function: {
          name: 'get_weather',
          parameters: {
            type: 'object',
            properties: { city: { type: 'string' }, unit: { type: 'string', enum: ['celsius', 'fahrenheit'] }, days: { type: 'integer', minimum: 1, maximum: 7 } },
            required: ['city', 'unit', 'days'],
            additionalProperties: false,
          },
        },
      },
    ],
    tool_choice: 'required',
  });
  const choice = completion.choices[0]!;
  assert.equal(choice.finish_reason, 'tool_calls');
  const call = choice.message.tool_calls![0]!;
  assert.equal(call.type, 'function');
  assert.ok(call.type === 'function' && call.function.name === 'get_weather');
  const args = JSON.parse(call.type === 'function' ? call.function.arguments : '{}');
  assert.equal(typeof args.city, 'string');
  assert.ok(['celsius', 'fahrenheit'].includes(args.unit));
  assert.ok(Number.isInteger(args.days) && args.days >= 1 && args.days <= 7);
});

test('response_format json_schema: the content parses and matches the schema', async () => {
  const completion = await client.chat.completions.create({
    model: 'gpt-4o-mini',
    messages: [{ role: 'user', content: 'Extract the invoice' }],
    response_format: {
      type: 'json_schema',
      json_schema: {
        name: 'invoice',
        strict: true,
        schema: { type: 'object', properties: { total: { type: 'number' }, lines: { type: 'array', items: { type: 'string' } } }, required: ['total', 'lines'], additionalProperties: false },
      },
    },
  });
  const parsed = JSON.parse(completion.choices[0]!.message.content!);
  assert.equal(typeof parsed.total, 'number');
  assert.ok(Array.isArray(parsed.lines) && parsed.lines.every((line: unknown) => typeof line === 'string'));
});

test('automatic prompt caching: the second call reads the shared prefix in 128-token steps', async () => {
  const ask = (question: string) =>
    client.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'system', content: LONG_SYSTEM }, { role: 'user', content: question }], max_tokens: 5 });
  const first = await ask('First question?');
  const second = await ask('Second question?');
  assert.equal(first.usage!.prompt_tokens_details!.cached_tokens, 0);
  const cached = second.usage!.prompt_tokens_details!.cached_tokens!;
  assert.ok(cached >= 1024 && cached % 128 === 0, `cached ${cached}`);
  assert.ok(cached <= second.usage!.prompt_tokens);
});

test('reasoning models report reasoning tokens inside completion tokens', async () => {
  const completion = await client.chat.completions.create({
    model: 'o3-mini',
    messages: [{ role: 'user', content: 'Prove it' }],
    reasoning_effort: 'high',
    max_completion_tokens: 20_000,
  });
  const usage = completion.usage!;
  const reasoning = usage.completion_tokens_details!.reasoning_tokens!;
  assert.ok(reasoning > 0);
  assert.ok(reasoning < usage.completion_tokens);
});

test('errors arrive as the SDK error classes with their status', async () => {
  await assert.rejects(
    client.chat.completions.create({ model: 'claude-opus-4-8', messages: [{ role: 'user', content: 'x' }] }),
    (error: unknown) => error instanceof OpenAI.NotFoundError && error.status === 404 && (error.error as { code?: string }).code === 'model_not_found',
  );
  await assert.rejects(
    client.chat.completions.create({ model: 'gpt-4o', messages: [] }),
    (error: unknown) => error instanceof OpenAI.BadRequestError && error.status === 400,
  );
  const missingKey = await fetch(`${emulator.urls.openai}/chat/completions`, { method: 'POST', body: '{}' });
  assert.equal(missingKey.status, 401);
  assert.equal(((await missingKey.json()) as { error: { type: string } }).error.type, 'invalid_request_error');
});

test('scripted faults: 429 with rate-limit headers, insufficient_quota, 503', async () => {
  await fetch(`${emulator.url}/_emulator/faults`, {
    method: 'POST',
    body: JSON.stringify({ scripts: [{ model: 'gpt-4o-mini', sequence: ['rate_limit', 'insufficient_quota', 'service_unavailable'] }], retryAfterSeconds: 3 }),
  });
  const request = { model: 'gpt-4o-mini', messages: [{ role: 'user' as const, content: 'x' }] };
  await assert.rejects(client.chat.completions.create(request), (error: unknown) => {
    assert.ok(error instanceof OpenAI.RateLimitError);
    assert.equal(error.headers.get('retry-after'), '3');
    assert.equal(error.headers.get('x-ratelimit-remaining-requests'), '0');
    return true;
  });
  await assert.rejects(client.chat.completions.create(request), (error: unknown) => error instanceof OpenAI.RateLimitError && error.code === 'insufficient_quota');
  await assert.rejects(client.chat.completions.create(request), (error: unknown) => error instanceof OpenAI.InternalServerError && error.status === 503);
  const ok = await client.chat.completions.create(request);
  assert.equal(ok.object, 'chat.completion');
});

test('embeddings: deterministic unit vectors, dimensions honoured, base64 decoded by the SDK', async () => {
  const first = await client.embeddings.create({ model: 'text-embedding-3-small', input: ['refund policy', 'shipping times'] });
  assert.equal(first.data.length, 2);
  const vector = first.data[0]!.embedding;
  assert.equal(vector.length, 1536);
  const norm = Math.sqrt(vector.reduce((sum, value) => sum + value * value, 0));
  assert.ok(Math.abs(norm - 1) < 1e-3, `unit length, got ${norm}`);
  const again = await client.embeddings.create({ model: 'text-embedding-3-small', input: 'refund policy' });
  assert.deepEqual(again.data[0]!.embedding, vector, 'same text, same vector');
  assert.ok(first.usage.prompt_tokens > 0);
  const small = await client.embeddings.create({ model: 'text-embedding-3-large', input: 'x', dimensions: 256, encoding_format: 'float' });
  assert.equal(small.data[0]!.embedding.length, 256);
  await assert.rejects(client.embeddings.create({ model: 'gpt-4o', input: 'x' }), (error: unknown) => error instanceof OpenAI.NotFoundError);
});

test('files and batches: upload, run to completion on the clock, download results', async () => {
  const lines = ['a', 'b', 'c'].map((id) =>
    JSON.stringify({ custom_id: id, method: 'POST', url: '/v1/chat/completions', body: { model: 'gpt-4o-mini', messages: [{ role: 'user', content: `question ${id}` }], max_tokens: 5 } }),
  );
  const file = await client.files.create({ file: await toFile(Buffer.from(lines.join('\n')), 'batch.jsonl'), purpose: 'batch' });
  assert.equal(file.purpose, 'batch');
  const batch = await client.batches.create({ input_file_id: file.id, endpoint: '/v1/chat/completions', completion_window: '24h' });
  assert.equal(batch.status, 'validating');
  emulator.clock.advance(emulator.state.batchTiming.completionDelayMilliseconds);
  const done = await client.batches.retrieve(batch.id);
  assert.equal(done.status, 'completed');
  assert.deepEqual(done.request_counts, { total: 3, completed: 3, failed: 0 });
  const content = await (await client.files.content(done.output_file_id!)).text();
  const results = content.trim().split('\n').map((row) => JSON.parse(row));
  assert.deepEqual(results.map((row) => row.custom_id).sort(), ['a', 'b', 'c']);
  assert.equal(results[0].response.status_code, 200);
  assert.equal(results[0].response.body.object, 'chat.completion');
});

test('a batch can be cancelled while in progress', async () => {
  const line = JSON.stringify({ custom_id: 'only', method: 'POST', url: '/v1/chat/completions', body: { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'x' }] } });
  const file = await client.files.create({ file: await toFile(Buffer.from(line), 'one.jsonl'), purpose: 'batch' });
  const batch = await client.batches.create({ input_file_id: file.id, endpoint: '/v1/chat/completions', completion_window: '24h' });
  const cancelling = await client.batches.cancel(batch.id);
  assert.equal(cancelling.status, 'cancelling');
  emulator.clock.advance(emulator.state.batchTiming.completionDelayMilliseconds);
  assert.equal((await client.batches.retrieve(batch.id)).status, 'cancelled');
});

test('DeepSeek-compatible host reports hit and miss tokens', async () => {
  const deepseek = new OpenAI({ apiKey: 'sk-test', baseURL: `${emulator.url}/deepseek/v1`, maxRetries: 0 });
  const ask = () => deepseek.chat.completions.create({ model: 'deepseek-chat', messages: [{ role: 'system', content: LONG_SYSTEM }, { role: 'user', content: 'hi' }] });
  await ask();
  const usage = (await ask()).usage as unknown as Record<string, number>;
  assert.equal(usage.prompt_cache_hit_tokens! + usage.prompt_cache_miss_tokens!, usage.prompt_tokens);
  assert.ok(usage.prompt_cache_hit_tokens! > 0 && usage.prompt_cache_hit_tokens! % 64 === 0);
});
