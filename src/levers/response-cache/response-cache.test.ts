import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CanonicalRequest } from '../../protocols/canonical/request.ts';
import { cachedResponse } from './backend-cases.ts';
import { decideCaching } from './cache-policy.ts';
import { MemoryBackend } from './memory-backend.ts';
import { ResponseCache } from './response-cache.ts';

const request: CanonicalRequest = { model: 'gpt-test', messages: [{ role: 'user', content: [{ type: 'text', text: 'What is 2 + 2?' }] }], temperature: 0, stream: false };
const acme = { tenant: 'acme', route: 'support' };
const on = decideCaching({ headers: { 'x-frugal-cache': 'on' }, route: undefined, request });
const answer = cachedResponse('Four.').response;

test('a stored answer is a hit for the same request, streamed or not, and a miss before', async () => {
  const cache = new ResponseCache({ backend: new MemoryBackend(), clock: () => 5_000 });
  const first = await cache.lookup(acme, request, on);
  assert.equal(first.status, 'miss');
  assert.equal(await cache.store(acme, request, answer, on), true);
  const hit = await cache.lookup(acme, { ...request, stream: true }, on);
  assert.equal(hit.status, 'hit');
  assert.deepEqual(hit.status === 'hit' && hit.response, answer);
  assert.equal(hit.status === 'hit' && hit.storedAt, 5_000);
});

test('one tenant never reads another tenant’s entry, nor another route’s', async () => {
  const cache = new ResponseCache({ backend: new MemoryBackend() });
  await cache.store(acme, request, answer, on);
  assert.equal((await cache.lookup({ tenant: 'globex', route: 'support' }, request, on)).status, 'miss');
  assert.equal((await cache.lookup({ tenant: 'acme', route: 'sales' }, request, on)).status, 'miss');
});

test('refresh skips the read and overwrites; off neither reads nor writes', async () => {
  const cache = new ResponseCache({ backend: new MemoryBackend() });
  await cache.store(acme, request, answer, on);
  const refresh = decideCaching({ headers: { 'x-frugal-cache': 'refresh' }, route: undefined, request });
  assert.equal((await cache.lookup(acme, request, refresh)).status, 'miss');
  const newer = cachedResponse('4').response;
  await cache.store(acme, request, newer, refresh);
  const hit = await cache.lookup(acme, request, on);
  assert.deepEqual(hit.status === 'hit' && hit.response, newer);
  const off = decideCaching({ headers: { 'x-frugal-cache': 'off' }, route: undefined, request });
  assert.deepEqual(await cache.lookup(acme, request, off), { status: 'bypass' });
  assert.equal(await cache.store(acme, request, answer, off), false);
});

test('an incomplete answer (a choice without a stop reason) is not stored', async () => {
  const cache = new ResponseCache({ backend: new MemoryBackend() });
  const cut = { ...answer, choices: [{ ...answer.choices[0]!, stopReason: null }] };
  assert.equal(await cache.store(acme, request, cut, on), false);
  assert.equal((await cache.lookup(acme, request, on)).status, 'miss');
});
