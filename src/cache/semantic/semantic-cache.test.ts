import assert from 'node:assert/strict';
import { test } from 'node:test';
import { shippedLexicalEmbedder } from '../embedders/shipped-lexical-embedder.ts';
import { SemanticCache } from './semantic-cache.ts';
import type { SemanticScope } from './scope.ts';

const SCOPE: SemanticScope = { tenant: 'acme', route: 'support', model: 'gpt-5-mini', systemPromptHash: 'h1', toolSetHash: 't0', parametersHash: 'p0' };

function openCache(options: Partial<ConstructorParameters<typeof SemanticCache>[0]> = {}) {
  return new SemanticCache({ embedder: shippedLexicalEmbedder(), path: ':memory:', maxEntries: 100, ...options });
}

test('a paraphrase is a verified hit and returns the stored response', async () => {
  const cache = openCache();
  const policy = cache.policy();
  await cache.store(SCOPE, 'How do I reset my password?', { text: 'Open Settings, then Security.' }, policy);
  const result = await cache.lookup<{ text: string }>(SCOPE, 'How can I reset my password?', policy);
  assert.equal(result.hit, true);
  assert.ok(result.hit);
  assert.equal(result.verified, true);
  assert.equal(result.entry.response.text, 'Open Settings, then Security.');
  assert.equal(result.entry.text, 'How do I reset my password?');
  assert.ok(result.probability! >= policy.threshold);
  cache.close();
});

test('a near-identical question that asks something else is rejected by the verifier', async () => {
  const cache = openCache();
  const policy = cache.policy();
  await cache.store(SCOPE, 'What are the things Muslims can do in India?', 'answer', policy);
  await cache.store(SCOPE, 'How do I get a job at Google?', 'answer', policy);
  const negated = await cache.lookup(SCOPE, 'What are the things Muslims cannot do in India?', policy);
  assert.equal(negated.hit, false);
  assert.ok(!negated.hit && negated.reason === 'rejected' && negated.similarity! > 0.5);
  const otherCompany = await cache.lookup(SCOPE, 'How do I get a job at Microsoft?', policy);
  assert.ok(!otherCompany.hit && otherCompany.reason === 'rejected');
  cache.close();
});

test('another tenant, route, model or system prompt never sees the entry', async () => {
  const cache = openCache();
  const policy = cache.policy();
  await cache.store(SCOPE, 'How do I reset my password?', 'secret answer', policy);
  for (const other of [{ tenant: 'globex' }, { route: 'sales' }, { model: 'gpt-5' }, { systemPromptHash: 'h2' }, { toolSetHash: 't1' }, { parametersHash: 'p1' }]) {
    const result = await cache.lookup({ ...SCOPE, ...other }, 'How do I reset my password?', policy);
    assert.deepEqual(result, { hit: false, reason: 'no-candidate' }, JSON.stringify(other));
  }
  cache.close();
});

test('verification off serves on similarity alone and says so; it needs an explicit floor', async () => {
  const cache = openCache();
  assert.throws(() => cache.policy({ verification: 'off' }), { code: 'FRUGAL_INVALID_CONFIG', message: /minimumSimilarity must be set/ });
  const policy = cache.policy({ verification: 'off', minimumSimilarity: 0.5 });
  await cache.store(SCOPE, 'What are the things Muslims can do in India?', 'answer', policy);
  const result = await cache.lookup(SCOPE, 'What are the things Muslims cannot do in India?', policy);
  assert.ok(result.hit && result.verified === false);
  cache.close();
});

test('a judge can veto what the classifier accepted', async () => {
  const asked: string[][] = [];
  const cache = openCache({ judge: { name: 'no', sameQuestion: async (query, candidate) => (asked.push([query, candidate]), false) } });
  const policy = cache.policy();
  await cache.store(SCOPE, 'How do I reset my password?', 'answer', policy);
  const result = await cache.lookup(SCOPE, 'How can I reset my password?', policy);
  assert.ok(!result.hit && result.reason === 'judged-different');
  assert.deepEqual(asked, [['How can I reset my password?', 'How do I reset my password?']]);
  cache.close();
});

test('storing the same text again replaces the entry; expired entries are not served', async () => {
  let now = Date.parse('2026-05-01T00:00:00Z');
  const cache = openCache({ now: () => now });
  const policy = cache.policy({ ttlSeconds: 60 });
  await cache.store(SCOPE, 'How do I reset my password?', 'old', policy);
  await cache.store(SCOPE, 'How do I reset my password?', 'new', policy);
  assert.equal(cache.size, 1);
  const fresh = await cache.lookup<string>(SCOPE, 'How can I reset my password?', policy);
  assert.ok(fresh.hit && fresh.entry.response === 'new');
  now += 61_000;
  assert.deepEqual(await cache.lookup(SCOPE, 'How can I reset my password?', policy), { hit: false, reason: 'no-candidate' });
  assert.equal(cache.size, 0);
  cache.close();
});

test('policies are validated with the field named', () => {
  const cache = openCache();
  assert.throws(() => cache.policy({ threshold: 1.5 }, 'routes.support.semanticCache'), {
    code: 'FRUGAL_INVALID_CONFIG',
    message: 'routes.support.semanticCache.threshold must be a number from 0 to 1, got 1.5',
  });
  assert.throws(() => cache.policy({ ttlSeconds: 0 }), { message: /ttlSeconds must be a positive integer/ });
  const defaults = cache.policy();
  assert.equal(defaults.verification, 'classifier');
  assert.equal(defaults.multiTurn, false);
  assert.equal(defaults.threshold, cache.classifier.model.threshold);
  cache.close();
});
