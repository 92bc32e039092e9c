import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FrugalError } from '../../errors/frugal-error.ts';
import type { CanonicalRequest } from '../../protocols/canonical/request.ts';
import { decideCaching, type RouteCachePolicy } from './cache-policy.ts';

const deterministic: CanonicalRequest = { model: 'm', messages: [{ role: 'user', content: [{ type: 'text', text: 'hi' }] }], temperature: 0, stream: false };
const route: RouteCachePolicy = { enabled: true, ttlSeconds: 600 };

test('opt-in per route or per request; off bypasses; refresh writes without reading', () => {
  assert.deepEqual(decideCaching({ headers: {}, route, request: deterministic }), { read: true, write: true, ttlSeconds: 600, reason: 'route' });
  assert.deepEqual(decideCaching({ headers: {}, route: undefined, request: deterministic }), { read: false, write: false, ttlSeconds: 3600, reason: 'not-enabled' });
  assert.deepEqual(decideCaching({ headers: { 'x-frugal-cache': 'on', 'x-frugal-cache-ttl': '30' }, route: undefined, request: deterministic }), {
    read: true,
    write: true,
    ttlSeconds: 30,
    reason: 'header-on',
  });
  assert.equal(decideCaching({ headers: { 'x-frugal-cache': 'OFF' }, route, request: deterministic }).reason, 'header-off');
  assert.deepEqual(decideCaching({ headers: { 'x-frugal-cache': 'refresh' }, route, request: deterministic }), { read: false, write: true, ttlSeconds: 600, reason: 'refresh' });
});

test('sampled requests are not cached unless the route allows it', () => {
  const unset = { ...deterministic, temperature: undefined };
  assert.equal(decideCaching({ headers: { 'x-frugal-cache': 'on' }, route, request: unset }).reason, 'non-deterministic', 'unset temperature defaults to 1');
  assert.equal(decideCaching({ headers: {}, route, request: unset, providerDefaultTemperature: 0 }).reason, 'route');
  assert.equal(decideCaching({ headers: {}, route, request: { ...deterministic, temperature: 0.7 } }).reason, 'non-deterministic');
  assert.equal(decideCaching({ headers: {}, route, request: { ...deterministic, candidateCount: 2 } }).reason, 'non-deterministic');
  assert.equal(decideCaching({ headers: {}, route: { ...route, allowNonDeterministic: true }, request: { ...deterministic, temperature: 0.7 } }).read, true);
});

test('invalid header values are rejected naming the header and what is expected', () => {
  assert.throws(
    () => decideCaching({ headers: { 'x-frugal-cache': 'maybe' }, route, request: deterministic }),
    (error: unknown) => FrugalError.isInstance(error) && error.code === 'FRUGAL_INVALID_REQUEST' && /x-frugal-cache.*on, off or refresh/.test(error.message),
  );
  assert.throws(() => decideCaching({ headers: { 'x-frugal-cache-ttl': '-5' }, route, request: deterministic }), /x-frugal-cache-ttl is "-5"; expected a whole number of seconds/);
});
