import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Catalog } from '../../catalog/catalog.ts';
import { testEntry } from '../../catalog/test-entry.ts';
import type { LeverCall } from '../../gateway/levers/lever.ts';
import type { ModelTarget } from '../../gateway/call/model-target.ts';
import type { CanonicalRequest } from '../../protocols/canonical/request.ts';
import { PromptCacheLever, type ShapingReport } from './prompt-cache-lever.ts';

const catalog = Catalog.fromFile({
  version: 'test',
  entries: [
    testEntry({
      provider: 'anthropic',
      model: 'claude-test',
      promptCacheMinTokens: 1024,
      prices: { live: { input: '3', cacheRead: '0.3', cacheWrite5m: '3.75', cacheWrite1h: '6', output: '15' } },
    }),
  ],
});

const SYSTEM = Array.from({ length: 1500 }, (_, index) => `rule${index % 89}`).join(' ');

function fakeCall(type: string, canonical: CanonicalRequest): LeverCall & { rewritten: CanonicalRequest | undefined } {
  const target = { requested: 'support', route: 'support', model: 'claude-test', provider: { config: { type } } } as unknown as ModelTarget;
  return {
    id: 'call-1',
    clientProtocol: 'openai-chat',
    attribution: { feature: null, user: 'user-4471', customer: null, task: null, session: null, properties: {} },
    target,
    canonical,
    rewritten: undefined,
    rewrite(request: CanonicalRequest) {
      this.rewritten = request;
    },
  };
}

const request = (system: string): CanonicalRequest => ({ model: 'support', system: [{ type: 'text', text: system }], messages: [{ role: 'user', content: [{ type: 'text', text: 'hi' }] }], stream: false });

test('an OpenAI-protocol client reaching an Anthropic model gets a breakpoint; lint warnings are reported and counted per route', () => {
  const reports: ShapingReport[] = [];
  const lever = new PromptCacheLever({ catalog, clock: () => 0, onReport: (_call, report) => reports.push(report) });
  const call = fakeCall('anthropic', request(`${SYSTEM} Customer user-4471.`));
  lever.apply(call);
  assert.deepEqual(call.rewritten?.system?.[0]?.cache, { ttl: '5m' });
  assert.deepEqual(reports[0]!.inserted.map((item) => item.location), ['system[0]']);
  assert.deepEqual(reports[0]!.warnings.map((warning) => warning.code), ['volatile-user-name']);
  lever.apply(fakeCall('anthropic', request(`${SYSTEM} Customer user-4471.`)));
  assert.deepEqual(lever.warningCounts('support'), { 'volatile-user-name': 2 });
});

test('nothing to insert: the request is not rewritten (the same-protocol fast path stays on)', () => {
  const lever = new PromptCacheLever({ catalog });
  const call = fakeCall('anthropic', request('short'));
  lever.apply(call);
  assert.equal(call.rewritten, undefined);
});

test('OpenAI upstreams get a prompt_cache_key per route and prefix unless the client set one', () => {
  const lever = new PromptCacheLever({ catalog });
  const first = fakeCall('openai', request(SYSTEM));
  lever.apply(first);
  const key = first.rewritten?.cache?.key;
  assert.match(key ?? '', /^frugal-[0-9a-f]{32}$/);
  const same = fakeCall('openai', { ...request(SYSTEM), messages: [{ role: 'user', content: [{ type: 'text', text: 'another question' }] }] });
  lever.apply(same);
  assert.equal(same.rewritten?.cache?.key, key, 'same route and prefix, same key');
  const other = fakeCall('openai', request(`${SYSTEM} v2`));
  lever.apply(other);
  assert.notEqual(other.rewritten?.cache?.key, key);
  const own = fakeCall('openai', { ...request(SYSTEM), cache: { key: 'mine' } });
  lever.apply(own);
  assert.equal(own.rewritten, undefined);
});
