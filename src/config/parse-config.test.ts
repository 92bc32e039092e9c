import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseConfig } from './parse-config.ts';
import { FrugalError } from '../errors/frugal-error.ts';

function problemsOf(text: string): string {
  try {
    parseConfig(text, 'frugal.yaml');
  } catch (error) {
    assert.ok(FrugalError.isInstance(error));
    assert.equal(error.code, 'FRUGAL_INVALID_CONFIG');
    return error.message;
  }
  assert.fail('expected the configuration to be rejected');
}

test('an empty file gives every known provider at its public URL and SQLite storage', () => {
  const config = parseConfig('');
  assert.equal(config.providers['anthropic']?.baseUrl, 'https://api.anthropic.com');
  assert.equal(config.providers['deepseek']?.usageFormat, 'deepseek');
  assert.equal(config.providers['openai']?.allowClientKeys, false);
  assert.equal(config.server.port, 8787);
  assert.equal(config.storage.backend, 'sqlite');
});

test('a wrong type is reported at its line and column', () => {
  const message = problemsOf(['server:', '  host: 127.0.0.1', '  port: "eighty"'].join('\n'));
  assert.match(message, /frugal\.yaml:3:9: server\.port must be integer/);
});

test('an unknown property points at the key, not the value', () => {
  const message = problemsOf(['providers:', '  openai:', '    baseURL: https://example.test/v1'].join('\n'));
  assert.match(message, /frugal\.yaml:3:5: providers\.openai\.baseURL unknown property "baseURL"/);
});

test('every problem is listed, not only the first', () => {
  const message = problemsOf(['server:', '  port: -1', 'storage:', '  backend: mysql'].join('\n'));
  assert.match(message, /:2:9: server\.port must be >= 0/);
  assert.match(message, /:4:12: storage\.backend must be one of "sqlite", "postgres"/);
});

test('a route naming a provider that is not configured is rejected at its line', () => {
  const message = problemsOf(['routes:', '  support:', '    provider: azure', '    model: gpt-4o'].join('\n'));
  assert.match(message, /:3:15: routes\.support\.provider provider "azure" is not configured/);
});

test('an unknown provider must say how to reach it', () => {
  const message = problemsOf(['providers:', '  internal-llm:', '    apiKeyEnv: INTERNAL_KEY'].join('\n'));
  assert.match(message, /unknown provider "internal-llm": set "type"/);
  assert.match(message, /unknown provider "internal-llm": set "baseUrl"/);
});

test('a private OpenAI-compatible deployment is accepted and its URL normalized', () => {
  const config = parseConfig(
    ['providers:', '  internal-llm:', '    type: openai-compatible', '    baseUrl: http://10.0.0.5:8000/v1/', '    apiKeyEnv: INTERNAL_KEY'].join('\n'),
  );
  assert.deepEqual(config.providers['internal-llm'], {
    name: 'internal-llm',
    type: 'openai-compatible',
    baseUrl: 'http://10.0.0.5:8000/v1',
    apiKeyEnv: 'INTERNAL_KEY',
    allowClientKeys: false,
    usageFormat: 'openai',
    headers: {},
  });
});

test('the postgres backend needs a URL', () => {
  assert.match(problemsOf(['storage:', '  backend: postgres'].join('\n')), /:2:3: storage the postgres backend needs a connection URL/);
});

test('YAML syntax errors carry their position', () => {
  assert.match(problemsOf('server:\n  port: [1,\n'), /frugal\.yaml:\d+:\d+: /);
});
