import assert from 'node:assert/strict';
import { test } from 'node:test';
import { seededRandom } from '../seeded-random.ts';
import { FaultInjector } from './fault-injector.ts';
import { parseFaultPlan } from './fault-plan.ts';

test('a scripted sequence is played in order, then requests succeed', () => {
  const faults = new FaultInjector(seededRandom(1), parseFaultPlan({ scripts: [{ sequence: ['rate_limit', 'ok', 'overloaded'] }] }));
  const drawn = [1, 2, 3, 4].map(() => faults.next('anthropic', 'claude-sonnet-4-5'));
  assert.deepEqual(drawn, ['rate_limit', undefined, 'overloaded', undefined]);
});

test('a model script applies to that model only and before a global one', () => {
  const faults = new FaultInjector(
    seededRandom(1),
    parseFaultPlan({ scripts: [{ sequence: ['server_error'] }, { model: 'gpt-4o', sequence: ['timeout'] }] }),
  );
  assert.equal(faults.next('openai', 'gpt-4o'), 'timeout');
  assert.equal(faults.next('openai', 'gpt-4o'), 'server_error', 'then the global script');
  assert.equal(faults.next('openai', 'gpt-4o-mini'), undefined);
});

test('rates draw from the seeded generator: same seed, same faults', () => {
  const plan = parseFaultPlan({ rates: [{ kind: 'service_unavailable', rate: 0.3, provider: 'openai' }] });
  const run = () => {
    const faults = new FaultInjector(seededRandom(7), plan);
    return Array.from({ length: 200 }, () => faults.next('openai', 'gpt-4o'));
  };
  const first = run();
  assert.deepEqual(run(), first);
  const share = first.filter((fault) => fault === 'service_unavailable').length / first.length;
  assert.ok(share > 0.2 && share < 0.4, `about 30% faults, got ${share}`);
  assert.equal(new FaultInjector(seededRandom(7), plan).next('anthropic', 'claude-sonnet-4-5'), undefined, 'other provider untouched');
});

test('a bad plan names the offending field', () => {
  assert.throws(() => parseFaultPlan({ rates: [{ kind: 'explode', rate: 0.5 }] }), /faults\.rates\[0\]\.kind must be one of/);
  assert.throws(() => parseFaultPlan({ rates: [{ kind: 'timeout', rate: 2 }] }), /faults\.rates\[0\]\.rate must be a number from 0 to 1/);
  assert.throws(() => parseFaultPlan({ scripts: [{ sequence: [] }] }), /faults\.scripts\[0\]\.sequence must be a non-empty list/);
});

test('clear removes every fault; the snapshot shows what is left', () => {
  const faults = new FaultInjector(seededRandom(1), parseFaultPlan({ scripts: [{ sequence: ['timeout', 'timeout'] }] }));
  faults.next('openai', 'gpt-4o');
  assert.deepEqual(faults.snapshot().scripts[0]?.sequence, ['timeout']);
  faults.clear();
  assert.equal(faults.next('openai', 'gpt-4o'), undefined);
});
