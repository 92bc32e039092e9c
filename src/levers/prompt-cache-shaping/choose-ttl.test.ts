import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ANTHROPIC_CACHE_MULTIPLIERS, chooseTtl } from './choose-ttl.ts';
import { ReuseTracker } from './reuse-tracker.ts';

const minute = 60_000;

test('TTL from the reuse interval: 5m when reuses come within 5 minutes, 1h when the hour holds enough reuses, none otherwise', () => {
  // first sighting: nothing observed, 5m
  assert.deepEqual(chooseTtl(undefined, ANTHROPIC_CACHE_MULTIPLIERS), { ttl: '5m', reusesWithinHour: undefined });
  // every 2 min: k = 60/2 = 30 reuses, all captured by a refreshed 5m entry; 5m break-even is k > 0.25/0.9 → 1
  assert.deepEqual(chooseTtl(2 * minute, ANTHROPIC_CACHE_MULTIPLIERS), { ttl: '5m', reusesWithinHour: 30 });
  // exactly 5 min still refreshes the 5m entry in time
  assert.equal(chooseTtl(5 * minute, ANTHROPIC_CACHE_MULTIPLIERS).ttl, '5m');
  // every 10 min: 5m captures nothing; k = 6 ≥ 1h break-even k > (2 − 1)/(1 − 0.1) = 1.11 → 2
  assert.deepEqual(chooseTtl(10 * minute, ANTHROPIC_CACHE_MULTIPLIERS), { ttl: '1h', reusesWithinHour: 6 });
  // every 30 min: k = 2, just pays: cached 2 + 2×0.1 = 2.2 < uncached 3
  assert.equal(chooseTtl(30 * minute, ANTHROPIC_CACHE_MULTIPLIERS).ttl, '1h');
  // every 40 min: k = 1: cached 2 + 0.1 = 2.1 > uncached 2, no breakpoint
  assert.deepEqual(chooseTtl(40 * minute, ANTHROPIC_CACHE_MULTIPLIERS), { ttl: null, reusesWithinHour: 1 });
  assert.deepEqual(chooseTtl(2 * 60 * minute, ANTHROPIC_CACHE_MULTIPLIERS), { ttl: null, reusesWithinHour: 0 });
});

test('the tracker measures the median reuse interval per route and prefix with the injected clock', () => {
  let now = 1_000_000;
  const tracker = new ReuseTracker({ clock: () => now, samples: 3 });
  assert.equal(tracker.observe('route-a', 'p1'), undefined);
  now += 10 * minute;
  assert.equal(tracker.observe('route-a', 'p1'), 10 * minute);
  assert.equal(tracker.observe('route-b', 'p1'), undefined, 'another route is tracked apart');
  now += 2 * minute;
  // intervals 10, 2 → median (10 + 2)/2 = 6 min
  assert.equal(tracker.observe('route-a', 'p1'), 6 * minute);
  now += 2 * minute;
  // intervals 10, 2, 2 → median 2 min
  assert.equal(tracker.observe('route-a', 'p1'), 2 * minute);
  now += 2 * minute;
  // only 3 samples kept: 2, 2, 2 → 2 min
  assert.equal(tracker.observe('route-a', 'p1'), 2 * minute);
});

test('the tracker is bounded: the least recently seen prefix is forgotten', () => {
  let now = 0;
  const tracker = new ReuseTracker({ clock: () => now, capacity: 2 });
  tracker.observe('r', 'a');
  tracker.observe('r', 'b');
  tracker.observe('r', 'c'); // evicts a
  now += minute;
  assert.equal(tracker.observe('r', 'a'), undefined);
  assert.equal(tracker.observe('r', 'c'), minute);
});
