import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseConfig } from '../../config/parse-config.ts';
import { startEmulator, type RunningEmulator } from '../../emulator/start-emulator.ts';
import { providerEmbedderFromConfig } from './provider-embedder.ts';

let emulator: RunningEmulator;
before(async () => {
  emulator = await startEmulator();
});
after(() => emulator.close());

function config() {
  return parseConfig(`providers:\n  local: { type: openai-compatible, baseUrl: "${emulator.urls.openai}", apiKeyEnv: LOCAL_KEY }\n  anthropic: {}`);
}

test('embeds through the configured OpenAI-compatible /embeddings endpoint, in batches, as unit vectors', async () => {
  const embedder = providerEmbedderFromConfig(config(), 'local', 'text-embedding-3-small', { LOCAL_KEY: 'sk-test' }, { dimensions: 64 });
  assert.equal(embedder.name, 'provider:local/text-embedding-3-small');
  const texts = ['first prompt', 'second prompt', 'first prompt'];
  const vectors = await embedder.embed(texts);
  assert.equal(vectors.length, 3);
  for (const vector of vectors) {
    assert.equal(vector.length, 64);
    assert.ok(Math.abs(vector.reduce((sum, value) => sum + value * value, 0) - 1) < 1e-5);
  }
  // The emulator embeds a text the same way every time.
  assert.deepEqual(vectors[0], vectors[2]);
  assert.notDeepEqual(vectors[0], vectors[1]);
});

test('learns the native width from the first answer when none is requested', async () => {
  const embedder = providerEmbedderFromConfig(config(), 'local', 'text-embedding-3-small', { LOCAL_KEY: 'sk-test' });
  assert.equal(embedder.dimensions, 0);
  await embedder.embed(['hello']);
  assert.equal(embedder.dimensions, 1536);
});

test('an unconfigured or non-OpenAI provider is a configuration error', () => {
  assert.throws(() => providerEmbedderFromConfig(config(), 'elsewhere', 'm', {}), { code: 'FRUGAL_INVALID_CONFIG' });
  assert.throws(() => providerEmbedderFromConfig(config(), 'anthropic', 'm', {}), { code: 'FRUGAL_INVALID_CONFIG' });
});

test('an upstream error is reported with its status, without the key', async () => {
  const keyless = providerEmbedderFromConfig(config(), 'local', 'text-embedding-3-small', {});
  await assert.rejects(keyless.embed(['x']), (error: Error & { code?: string }) => error.code === 'FRUGAL_UPSTREAM_ERROR' && error.message.includes('401'));
  const embedder = providerEmbedderFromConfig(config(), 'local', 'no-such-embedding-model', { LOCAL_KEY: 'sk-secret-value' });
  await assert.rejects(embedder.embed(['x']), (error: Error & { code?: string }) => {
    return error.code === 'FRUGAL_UPSTREAM_ERROR' && error.message.includes('404') && !error.message.includes('sk-secret-value');
  });
});
