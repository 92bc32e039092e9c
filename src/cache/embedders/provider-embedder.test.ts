import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { parseConfig } from '../../config/parse-config.ts';
import { startEmulator, type RunningEmulator } from '../../emulator/start-emulator.ts';
import { FrugalError } from '../../errors/frugal-error.ts';
import { createProviderEmbedder } from './provider-embedder.ts';
import { resolveEmbedder } from './resolve-embedder.ts';

let emulator: RunningEmulator;
before(async () => {
  emulator = await startEmulator();
});
after(() => emulator.close());

test('provider embeddings through an OpenAI-compatible endpoint: width probed, unit vectors, stable per text', async () => {
  const embedder = await createProviderEmbedder({ baseUrl: emulator.urls.openai, model: 'text-embedding-3-small', apiKey: 'sk-test' });
  assert.equal(embedder.dimensions, 1536);
  assert.equal(embedder.name, 'embeddings:text-embedding-3-small:1536');
  const [first, second, again] = await embedder.embed(['alpha', 'beta', 'alpha']);
  const norm = Math.sqrt(first!.reduce((sum, value) => sum + value * value, 0));
  assert.ok(Math.abs(norm - 1) < 1e-5);
  assert.deepEqual(again, first);
  assert.notDeepEqual(second, first);
});

test('requested dimensions are sent and checked; texts go in batches', async () => {
  const embedder = await createProviderEmbedder({ baseUrl: emulator.urls.openai, model: 'text-embedding-3-small', apiKey: 'sk-test', dimensions: 64, batchSize: 2 });
  const vectors = await embedder.embed(['a', 'b', 'c', 'd', 'e']);
  assert.equal(vectors.length, 5);
  assert.ok(vectors.every((vector) => vector.length === 64));
});

test('an upstream error names the endpoint and status, never the key', async () => {
  const secret = 'sk-secret-value-123';
  await assert.rejects(createProviderEmbedder({ baseUrl: emulator.urls.openai, model: 'no-such-embedding-model', apiKey: secret }), (error: unknown) => {
    assert.ok(FrugalError.isInstance(error));
    assert.equal(error.code, 'FRUGAL_UPSTREAM_ERROR');
    assert.match(error.message, /\/embeddings answered 404/);
    assert.ok(!error.message.includes(secret));
    return true;
  });
});

test('resolveEmbedder takes the base URL and key variable from the configuration only', async () => {
  const configuration = parseConfig(
    `providers:\n  local:\n    type: openai-compatible\n    baseUrl: ${emulator.urls.openai}\n    apiKeyEnv: LOCAL_KEY\n`,
    'test.yaml',
  );
  const embedder = await resolveEmbedder('local/text-embedding-3-small', configuration, { LOCAL_KEY: 'sk-test' });
  assert.equal(embedder.dimensions, 1536);
  assert.equal((await resolveEmbedder('lexical', configuration, {})).name.startsWith('lexical:'), true);
  await assert.rejects(resolveEmbedder('nowhere/model', configuration, {}), { code: 'FRUGAL_INVALID_ARGUMENT', message: /configured provider/ });
  await assert.rejects(resolveEmbedder('anthropic/model', configuration, {}), { message: /embeddings need an openai or openai-compatible provider/ });
});
