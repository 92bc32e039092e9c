import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readAttribution } from './read-attribution.ts';

test('every x-frugal-* header lands in its field, properties by name', () => {
  const attribution = readAttribution(
    {
      'x-frugal-feature': ' search ',
      'x-frugal-user': 'u-1',
      'x-frugal-customer': 'acme',
      'x-frugal-task': 't-9',
      'x-frugal-session': 's-2',
      'x-frugal-property-plan': 'pro',
      'x-frugal-property-': 'nameless',
      'x-frugal-property-empty': '   ',
    },
    'body-user',
  );
  assert.deepEqual(attribution, { feature: 'search', user: 'u-1', customer: 'acme', task: 't-9', session: 's-2', properties: { plan: 'pro' } });
});

test('the protocol\'s user field counts when no header names a user', () => {
  assert.equal(readAttribution({}, 'body-user').user, 'body-user');
  assert.equal(readAttribution({}, undefined).user, null);
});

test('labels are bounded and cleaned of what storage cannot hold', () => {
  const attribution = readAttribution({ 'x-frugal-feature': 'f'.repeat(1000) }, 'a\u0000b');
  assert.equal(attribution.feature?.length, 256);
  assert.equal(attribution.user, 'ab');
});
