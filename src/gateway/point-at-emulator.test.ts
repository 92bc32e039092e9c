import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseConfig } from '../config/parse-config.ts';
import { pointAtEmulator } from './point-at-emulator.ts';

test('every provider family points where the emulator serves it', () => {
  const config = parseConfig('providers:\n  internal: { type: openai-compatible, baseUrl: "https://llm.internal/v1" }');
  const providers = pointAtEmulator(config, 'http://127.0.0.1:9000/').providers;
  assert.equal(providers['openai']?.baseUrl, 'http://127.0.0.1:9000/v1');
  assert.equal(providers['anthropic']?.baseUrl, 'http://127.0.0.1:9000');
  assert.equal(providers['gemini']?.baseUrl, 'http://127.0.0.1:9000');
  assert.equal(providers['deepseek']?.baseUrl, 'http://127.0.0.1:9000/deepseek/v1');
  assert.equal(providers['internal']?.baseUrl, 'http://127.0.0.1:9000/internal/v1');
  assert.equal(config.providers['openai']?.baseUrl, 'https://api.openai.com/v1', 'the configuration itself is left as it was');
});
