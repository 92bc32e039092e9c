import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createClock } from '../clock.ts';
import { IdGenerator } from '../id-generator.ts';
import { AnthropicBatchStore } from './anthropic-batch-store.ts';
import type { BatchExecutor } from './batch-executor.ts';

const execute: BatchExecutor = async (_endpoint, params) => {
  const { max_tokens: maxTokens } = params as { max_tokens?: number };
  if (maxTokens === undefined) return { status: 400, headers: {}, body: { type: 'error', error: { type: 'invalid_request_error', message: 'max_tokens: Field required' } } };
  return { status: 200, headers: {}, body: { type: 'message', content: [] } };
};

const request = (customId: string, maxTokens?: number) => ({
  custom_id: customId,
  params: { model: 'claude-sonnet-4-5', messages: [{ role: 'user', content: 'hi' }], ...(maxTokens === undefined ? {} : { max_tokens: maxTokens }) },
});

function setup(expireAfterMilliseconds = 86_400_000, completionDelayMilliseconds = 10_000) {
  const clock = createClock({ start: 1_700_000_000_000 });
  return { clock, store: new AnthropicBatchStore(new IdGenerator(3), { completionDelayMilliseconds, expireAfterMilliseconds }, execute, 3) };
}

const parse = (lines: string | undefined) => (lines ?? '').trim().split('\n').map((row) => JSON.parse(row));

test('a message batch is in progress, then ended with succeeded and errored results', async () => {
  const { clock, store } = setup();
  const batch = store.create('key', { requests: [request('one', 100), request('two'), request('three', 50)] }, clock.now());
  const running = await store.view(batch, clock.now(), 'http://x/results');
  assert.equal(running.processing_status, 'in_progress');
  assert.equal(running.results_url, null);
  assert.equal(await store.results(batch, clock.now()), undefined);
  clock.advance(10_000);
  const ended = await store.view(batch, clock.now(), 'http://x/results');
  assert.equal(ended.processing_status, 'ended');
  assert.equal(ended.results_url, 'http://x/results');
  assert.deepEqual(ended.request_counts, { processing: 0, succeeded: 2, errored: 1, canceled: 0, expired: 0 });
  const results = parse(await store.results(batch, clock.now()));
  const byId = Object.fromEntries(results.map((row) => [row.custom_id, row.result.type]));
  assert.deepEqual(byId, { one: 'succeeded', two: 'errored', three: 'succeeded' });
  assert.equal(results.find((row) => row.custom_id === 'two').result.error.error.type, 'invalid_request_error');
});

test('cancelling marks unfinished requests canceled', async () => {
  const { clock, store } = setup();
  const batch = store.create('key', { requests: Array.from({ length: 20 }, (_, index) => request(`r${index}`, 10)) }, clock.now());
  clock.advance(5_000);
  store.cancel(batch, clock.now());
  assert.equal((await store.view(batch, clock.now(), 'u')).processing_status, 'canceling');
  clock.advance(1_000);
  const ended = await store.view(batch, clock.now(), 'u');
  assert.equal(ended.processing_status, 'ended');
  assert.ok(ended.request_counts.canceled > 0 && ended.request_counts.succeeded > 0);
  assert.equal(ended.request_counts.canceled + ended.request_counts.succeeded, 20);
});

test('requests not run within the expiry window expire', async () => {
  const { clock, store } = setup(5_000, 10_000);
  const batch = store.create('key', { requests: Array.from({ length: 20 }, (_, index) => request(`r${index}`, 10)) }, clock.now());
  clock.advance(5_000);
  const ended = await store.view(batch, clock.now(), 'u');
  assert.equal(ended.processing_status, 'ended');
  assert.ok(ended.request_counts.expired > 0, 'some requests expired');
  assert.ok(parse(await store.results(batch, clock.now())).some((row) => row.result.type === 'expired'));
});

test('custom ids must be unique and well formed', () => {
  const { store } = setup();
  assert.throws(() => store.create('key', { requests: [request('a', 1), request('a', 1)] }, 0), /duplicate custom_id "a"/);
  assert.throws(() => store.create('key', { requests: [request('not ok!', 1)] }, 0), /custom_id/);
  assert.throws(() => store.create('key', { requests: [] }, 0), /non-empty list/);
});
