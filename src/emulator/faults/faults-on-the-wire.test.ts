import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startEmulator, type RunningEmulator } from '../start-emulator.ts';

/** What a client sees of the faults that break the HTTP exchange itself. */
let emulator: RunningEmulator;
before(async () => {
  emulator = await startEmulator({ seed: 4 });
});
after(() => emulator.close());

const chat = (extra: object = {}, signal?: AbortSignal) =>
  fetch(`${emulator.urls.openai}/chat/completions`, {
    method: 'POST',
    headers: { authorization: 'Bearer faults', 'content-type': 'application/json' },
    body: JSON.stringify({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Hello' }], max_tokens: 40, ...extra }),
    ...(signal === undefined ? {} : { signal }),
  });

const script = (...sequence: string[]) => emulator.faults.add({ rates: [], scripts: [{ model: 'gpt-4o-mini', sequence: sequence as never }] });

test('connection_reset: the request fails without an answer; the next one is answered', async () => {
  script('connection_reset');
  await assert.rejects(chat(), TypeError);
  assert.equal((await chat()).status, 200);
});

test('stream_cut: a stream stops half-way without [DONE]; a whole answer stops half-way', async () => {
  script('stream_cut', 'stream_cut');
  const stream = await chat({ stream: true });
  assert.equal(stream.status, 200);
  const text = await stream.text().catch(() => 'cut');
  assert.ok(!text.includes('[DONE]'));
  const whole = await chat();
  assert.equal(whole.status, 200);
  await assert.rejects(whole.json());
});

test('stream_error: an error event inside the 200 stream', async () => {
  script('stream_error');
  const response = await chat({ stream: true });
  assert.equal(response.status, 200);
  assert.match(await response.text(), /"error":\{"message":/);
});

test('timeout: the request is read and never answered', async () => {
  script('timeout');
  await assert.rejects(chat({}, AbortSignal.timeout(300)), (error: Error) => error.name === 'TimeoutError');
});
