import { test } from 'node:test';
import assert from 'node:assert/strict';
import { authenticate, presentedKey } from './authenticate.ts';

test('the key an SDK presents: OpenAI bearer or Anthropic x-api-key', () => {
  assert.equal(presentedKey({ authorization: 'Bearer sk-one' }), 'sk-one');
  assert.equal(presentedKey({ 'x-api-key': 'sk-ant-two' }), 'sk-ant-two');
  assert.equal(presentedKey({ authorization: 'Basic abc' }), undefined);
  assert.equal(presentedKey({ authorization: 'Bearer   ' }), undefined);
});

test('without a gateway key, the presented key is the client\'s own provider key', () => {
  assert.equal(authenticate({ authorization: 'Bearer sk-client' }, undefined), 'sk-client');
  assert.equal(authenticate({}, undefined), undefined);
});

test('with a gateway key, only that key passes, and the provider key travels in x-frugal-provider-key', () => {
  const key = Buffer.from('gateway-secret');
  assert.equal(authenticate({ 'x-api-key': 'gateway-secret' }, key), undefined);
  assert.equal(authenticate({ authorization: 'Bearer gateway-secret', 'x-frugal-provider-key': 'sk-own' }, key), 'sk-own');
  for (const headers of [{}, { authorization: 'Bearer gateway-secreT' }, { 'x-api-key': 'gateway-secret-longer' }]) {
    assert.throws(() => authenticate(headers, key), (error: { code?: string; status?: number; message?: string }) => {
      assert.equal(error.code, 'FRUGAL_GATEWAY_UNAUTHORIZED');
      assert.equal(error.status, 401);
      assert.doesNotMatch(error.message ?? '', /gateway-secret/);
      return true;
    });
  }
});
