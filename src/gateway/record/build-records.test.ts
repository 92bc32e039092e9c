import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { loadShippedCatalog } from '../../catalog/load.ts';
import { parseConfig } from '../../config/parse-config.ts';
import { createUpstreamProvider } from '../../providers/upstream-provider.ts';
import { Attempt } from '../call/attempt.ts';
import { ModelCall } from '../call/model-call.ts';
import { OPENAI_CHAT_CLIENT } from '../client-protocols/openai-chat-client.ts';
import type { Gateway } from '../gateway.ts';
import { buildRecords } from './build-records.ts';
import { priceUsage } from './price-usage.ts';

const catalog = loadShippedCatalog();
const openai = createUpstreamProvider(parseConfig('').providers['openai']!);
const gateway = { catalog, providers: new Map([['openai', openai]]) } as unknown as Gateway;

function call(): ModelCall {
  return new ModelCall(OPENAI_CHAT_CLIENT, { headers: {} } as IncomingMessage, {} as ServerResponse);
}

test('a request that failed before any upstream call: no cost, no provider, the name it asked for', () => {
  const failed = call();
  failed.status = 404;
  failed.errorClass = 'unknown_model';
  failed.summary = { model: 'gpt-5-ultra', stream: false, includeUsage: false, user: undefined };
  const { request, attempts } = buildRecords(gateway, failed);
  assert.deepEqual(attempts, []);
  assert.equal(request.provider, null);
  assert.equal(request.modelServed, null);
  assert.equal(request.modelRequested, 'gpt-5-ultra');
  assert.equal(request.baselineModel, 'gpt-5-ultra');
  assert.equal(request.baselineCostPicoUsd, 0);
  assert.deepEqual(request.cost, { lines: [], totalPicoUsd: 0, complete: true, catalogVersion: catalog.version, pricingMode: null });
  assert.equal(request.upstreamLatencyMs, null);
});

test('a request\'s usage and cost are the sums over its attempts', () => {
  const retried = call();
  retried.summary = { model: 'gpt-4o-mini', stream: false, includeUsage: false, user: undefined };
  retried.target = { requested: 'gpt-4o-mini', route: null, provider: openai, model: 'gpt-4o-mini', baseline: { model: 'gpt-4o-mini', provider: 'openai' } };
  const entry = catalog.find('gpt-4o-mini', { provider: 'openai' });
  for (const [index, tokens] of [[0, 100], [1, 300]] as const) {
    const attempt = new Attempt(retried.id, index, index === 0 ? 'primary' : 'retry', 'openai', 'gpt-4o-mini');
    attempt.status = 200;
    attempt.usage = { format: 'openai', buckets: { input: tokens, cacheRead: 0, cacheWrite5m: 0, cacheWrite1h: 0, output: 10, reasoning: 0 }, raw: { prompt_tokens: tokens } };
    attempt.priced = priceUsage(entry, attempt.usage, catalog.version);
    attempt.finish();
    retried.attempts.push(attempt);
  }
  const { request, attempts } = buildRecords(gateway, retried);
  assert.equal(attempts.length, 2);
  assert.deepEqual(request.usage, { input: 400, cacheRead: 0, cacheWrite5m: 0, cacheWrite1h: 0, output: 20, reasoning: 0 });
  // (100 + 300) × 150,000 + (10 + 10) × 600,000 = 60,000,000 + 12,000,000
  assert.equal(request.cost.totalPicoUsd, 72_000_000);
  assert.equal(request.cost.lines.length, 4);
  assert.equal(request.baselineCostPicoUsd, 72_000_000);
  assert.deepEqual(request.rawUsage, [{ prompt_tokens: 100 }, { prompt_tokens: 300 }]);
  assert.equal(request.modelServed, 'gpt-4o-mini');
  assert.equal(attempts[1]!.id, `${retried.id}.1`);
});
