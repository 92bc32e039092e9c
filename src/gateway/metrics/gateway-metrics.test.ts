import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { RequestRecord } from '../../ledger/records.ts';
import { GatewayMetrics } from './gateway-metrics.ts';

function record(overrides: Partial<RequestRecord>): RequestRecord {
  return {
    id: 'r', startedAt: 0, finishedAt: 1, clientProtocol: 'openai-chat', provider: 'openai', modelRequested: 'gpt-4o-mini', modelServed: 'gpt-4o-mini',
    route: null, status: 200, errorClass: null, streamed: false,
    usage: { input: 10, cacheRead: 5, cacheWrite5m: 0, cacheWrite1h: 0, output: 3, reasoning: 0 }, rawUsage: null,
    cost: { lines: [], totalPicoUsd: 4_500_000_000_000_001, complete: true, catalogVersion: 'v', pricingMode: 'live' },
    baselineModel: 'gpt-4o-mini', baselineCostPicoUsd: null, timeToFirstTokenMs: null, latencyMs: 30, upstreamLatencyMs: 20,
    attribution: { feature: null, user: null, customer: null, task: null, session: null, properties: {} }, cache: null,
    ...overrides,
  };
}

const GAUGES = { inFlight: 2, ledgerQueued: 1, ledgerWritten: 5, ledgerFailedWrites: 0 };

test('counters by label, money summed exactly past 2^53 pico-USD, histograms cumulative', () => {
  const metrics = new GatewayMetrics();
  metrics.observe(record({}), [], true);
  metrics.observe(record({ latencyMs: 700 }), [], true);
  const text = metrics.render(GAUGES);
  assert.match(text, /^frugal_requests_total\{protocol="openai-chat",provider="openai",model="gpt-4o-mini",route="",status="200"\} 2$/m);
  assert.match(text, /^frugal_tokens_total\{provider="openai",model="gpt-4o-mini",route="",bucket="cacheRead"\} 10$/m);
  // 2 × 4,500,000,000,000,001 pico-USD = 9,000.000000000002 USD, beyond a Number's exact range.
  assert.match(text, /^frugal_cost_usd_total\{provider="openai",model="gpt-4o-mini",route=""\} 9000\.000000000002$/m);
  assert.match(text, /^frugal_request_duration_seconds_bucket\{provider="openai",model="gpt-4o-mini",route="",le="0\.05"\} 1$/m);
  assert.match(text, /^frugal_request_duration_seconds_bucket\{provider="openai",model="gpt-4o-mini",route="",le="1"\} 2$/m);
  assert.match(text, /^frugal_request_duration_seconds_count\{provider="openai",model="gpt-4o-mini",route=""\} 2$/m);
  assert.match(text, /^frugal_requests_in_flight 2$/m);
  assert.match(text, /^# TYPE frugal_request_duration_seconds histogram$/m);
});

test('failures count by error class; a name that never resolved is not a series of its own', () => {
  const metrics = new GatewayMetrics();
  metrics.observe(record({ provider: null, modelServed: null, modelRequested: 'made-up-1', status: 404, errorClass: 'unknown_model' }), [], false);
  metrics.observe(record({ provider: null, modelServed: null, modelRequested: 'made-up-2', status: 404, errorClass: 'unknown_model' }), [], false);
  assert.match(metrics.render(GAUGES), /^frugal_request_errors_total\{provider="none",model="unresolved",route="",error_class="unknown_model"\} 2$/m);
});

test('label values are escaped', () => {
  const metrics = new GatewayMetrics();
  metrics.observe(record({ modelServed: 'we"ird\\name' }), [], true);
  assert.match(metrics.render(GAUGES), /model="we\\"ird\\\\name"/);
});
