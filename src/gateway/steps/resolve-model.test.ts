import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadShippedCatalog } from '../../catalog/load.ts';
import { parseConfig } from '../../config/parse-config.ts';
import { FrugalError } from '../../errors/frugal-error.ts';
import { createUpstreamProvider, type UpstreamProvider } from '../../providers/upstream-provider.ts';
import { ModelResolver } from './resolve-model.ts';

function resolver(yaml: string): ModelResolver {
  const config = parseConfig(yaml);
  const providers = new Map<string, UpstreamProvider>();
  for (const [name, provider] of Object.entries(config.providers)) providers.set(name, createUpstreamProvider(provider));
  return new ModelResolver(config, providers, loadShippedCatalog());
}

const CONFIG = [
  'providers:',
  '  local: { type: openai-compatible, baseUrl: "http://10.0.0.5:8000/v1" }',
  'models:',
  '  fast: { model: gpt-4o-mini }',
  '  llama: { provider: local, model: meta-llama/Llama-3.1-8B }',
  'routes:',
  '  support: { provider: anthropic, model: claude-sonnet-4-6, baseline: { model: claude-opus-4-6 } }',
].join('\n');

test('a route gives its model, provider and baseline', () => {
  const target = resolver(CONFIG).resolve('support');
  assert.equal(target.route, 'support');
  assert.equal(target.provider.name, 'anthropic');
  assert.equal(target.model, 'claude-sonnet-4-6');
  assert.deepEqual(target.baseline, { model: 'claude-opus-4-6', provider: 'anthropic' });
});

test('an alias without a provider takes the one the catalog names; its baseline is itself', () => {
  const target = resolver(CONFIG).resolve('fast');
  assert.equal(target.provider.name, 'openai');
  assert.equal(target.model, 'gpt-4o-mini');
  assert.equal(target.route, null);
  assert.deepEqual(target.baseline, { model: 'gpt-4o-mini', provider: 'openai' });
  assert.equal(resolver(CONFIG).resolve('llama').provider.config.baseUrl, 'http://10.0.0.5:8000/v1');
});

test('"provider/model" picks a configured provider, even for a model the catalog does not know', () => {
  const target = resolver(CONFIG).resolve('local/qwen2.5-7b-instruct');
  assert.equal(target.provider.name, 'local');
  assert.equal(target.model, 'qwen2.5-7b-instruct');
  assert.equal(resolver(CONFIG).resolve('openrouter/anthropic/claude-3.5-sonnet').model, 'anthropic/claude-3.5-sonnet');
});

test('a catalog model goes to the provider that sells it, under the name the client used', () => {
  assert.equal(resolver('').resolve('claude-sonnet-4-6').provider.name, 'anthropic');
  assert.equal(resolver('').resolve('deepseek-chat').provider.name, 'deepseek');
  assert.equal(resolver('').resolve('gemini-2.0-flash').provider.adapter.protocol, 'gemini');
});

test('an unknown model is FRUGAL_UNKNOWN_MODEL with the closest routes, aliases and catalog names', () => {
  assert.throws(() => resolver(CONFIG).resolve('suport'), (error: unknown) => {
    assert.ok(FrugalError.isInstance(error));
    assert.equal(error.code, 'FRUGAL_UNKNOWN_MODEL');
    assert.equal(error.status, 404);
    assert.equal((error.details?.['suggestions'] as string[])[0], 'support');
    return true;
  });
  assert.throws(() => resolver('').resolve('gpt-4o-mnii'), /closest: .*gpt-4o-mini/);
});

test('names that could steer an upstream URL are not models', () => {
  for (const name of ['gemini/../../v1/files', 'gpt-4o?key=x', 'gpt 4o', 'gemini/x#y']) {
    assert.throws(() => resolver('').resolve(name), { code: 'FRUGAL_UNKNOWN_MODEL' }, name);
  }
});

test('a route whose provider cannot be known is a configuration error at start-up', () => {
  assert.throws(() => resolver('routes:\n  private: { model: my-finetune-7 }'), (error: unknown) => {
    assert.ok(FrugalError.isInstance(error));
    assert.equal(error.code, 'FRUGAL_INVALID_CONFIG');
    assert.match(error.message, /routes\.private: model "my-finetune-7" is not in the catalog.*set "provider"/);
    return true;
  });
});
