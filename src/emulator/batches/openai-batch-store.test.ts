import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createClock } from '../clock.ts';
import { IdGenerator } from '../id-generator.ts';
import type { BatchExecutor } from './batch-executor.ts';
import { FileStore } from './file-store.ts';
import { OpenAIBatchStore } from './openai-batch-store.ts';

const execute: BatchExecutor = async (_endpoint, body) => {
  const { model } = body as { model: string };
  const headers: Record<string, string> = { 'x-request-id': 'req_1' };
  if (model === 'missing') return { status: 404, headers, body: { error: { message: 'no such model', type: 'invalid_request_error', param: null, code: 'model_not_found' } } };
  return { status: 200, headers, body: { model, usage: { prompt_tokens: 10, completion_tokens: 5 } } };
};

function setup(lines: unknown[]) {
  const clock = createClock({ start: 1_700_000_000_000 });
  const ids = new IdGenerator(1);
  const files = new FileStore(ids);
  const store = new OpenAIBatchStore(files, ids, { completionDelayMilliseconds: 10_000, expireAfterMilliseconds: 86_400_000 }, execute, 1);
  const input = files.create('key', 'input.jsonl', 'batch', Buffer.from(lines.map((line) => JSON.stringify(line)).join('\n')), clock.now());
  const batch = store.create('key', { input_file_id: input.id, endpoint: '/v1/chat/completions', completion_window: '24h' }, clock.now());
  return { clock, files, store, batch };
}

const line = (customId: string, model = 'gpt-4o-mini') => ({
  custom_id: customId,
  method: 'POST',
  url: '/v1/chat/completions',
  body: { model, messages: [{ role: 'user', content: customId }] },
});

test('a batch moves validating → in_progress → finalizing → completed with the clock', async () => {
  const { clock, files, store, batch } = setup(['a', 'b', 'c', 'd', 'e', 'f'].map((id) => line(id)).concat([line('g', 'missing')]));
  const statuses: string[] = [];
  for (const step of [0, 2_000, 7_000, 1_000]) {
    clock.advance(step);
    statuses.push((await store.view(batch, clock.now())).status);
  }
  // Delay 10 s: validating until 1 s, in progress until 9 s, finalizing until 10 s.
  assert.deepEqual(statuses, ['validating', 'in_progress', 'finalizing', 'completed']);
  const done = await store.view(batch, clock.now());
  assert.deepEqual(done.request_counts, { total: 7, completed: 6, failed: 1 });
  assert.equal(done.usage.input_tokens, 60);
  const output = files.get('key', done.output_file_id as string)!.content.toString().trim().split('\n').map((row) => JSON.parse(row));
  assert.equal(output.length, 6);
  assert.equal(output[0].response.status_code, 200);
  assert.notDeepEqual(output.map((row) => row.custom_id), ['a', 'b', 'c', 'd', 'e', 'f'], 'results come in finishing order');
  const errors = files.get('key', done.error_file_id as string)!.content.toString().trim().split('\n').map((row) => JSON.parse(row));
  assert.deepEqual(errors.map((row) => [row.custom_id, row.response.status_code]), [['g', 404]]);
});

test('cancelling keeps what finished and reports the rest as cancelled', async () => {
  const { clock, files, store, batch } = setup(Array.from({ length: 20 }, (_, index) => line(`r${index}`)));
  clock.advance(5_000);
  store.cancel(batch, clock.now());
  assert.equal((await store.view(batch, clock.now())).status, 'cancelling');
  clock.advance(1_000);
  const cancelled = await store.view(batch, clock.now());
  assert.equal(cancelled.status, 'cancelled');
  assert.equal(cancelled.request_counts.completed + cancelled.request_counts.failed, 20);
  assert.ok(cancelled.request_counts.completed > 0 && cancelled.request_counts.failed > 0, 'some finished before the cancel, some not');
  const errors = files.get('key', cancelled.error_file_id as string)!.content.toString().trim().split('\n').map((row) => JSON.parse(row));
  assert.equal(errors[0].error.code, 'batch_cancelled');
});

test('a malformed input file fails validation with the line numbers', async () => {
  const { clock, store, batch } = setup([line('a'), { custom_id: 'b', method: 'GET', url: '/v1/chat/completions', body: {} }, line('a')]);
  clock.advance(1_000);
  const failed = await store.view(batch, clock.now());
  assert.equal(failed.status, 'failed');
  assert.deepEqual(failed.errors?.data.map((error) => [error.code, error.line]), [['invalid_method', 2], ['duplicate_custom_id', 3]]);
});

test('an unknown input file is a 404 in OpenAI shape', () => {
  const { store } = setup([line('a')]);
  assert.throws(() => store.create('key', { input_file_id: 'file-nope', endpoint: '/v1/chat/completions', completion_window: '24h' }, 0), (error: unknown) => {
    const details = (error as { details: { status: number; body: { error: { message: string } } } }).details;
    return details.status === 404 && details.body.error.message === 'No such File object: file-nope';
  });
});
