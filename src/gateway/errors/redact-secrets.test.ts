import { test } from 'node:test';
import assert from 'node:assert/strict';
import { redactSecrets } from './redact-secrets.ts';

test('known secrets and key-shaped tokens are replaced, masked ones included', () => {
  const text = 'Incorrect API key provided: sk-proj-abc***xyz. Key my-own-secret-1 was refused; AIzaSyA1234567890abcdefghijk too; sk-ant-api03-zzzzzzzz';
  assert.equal(
    redactSecrets(text, ['my-own-secret-1', undefined]),
    'Incorrect API key provided: [redacted]. Key [redacted] was refused; [redacted] too; [redacted]',
  );
});

test('ordinary text is left alone', () => {
  assert.equal(redactSecrets('The model `gpt-4o` is overloaded; retry in 2 s.', []), 'The model `gpt-4o` is overloaded; retry in 2 s.');
});
