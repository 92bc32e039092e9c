import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readUsageQuery } from './usage.ts';

test('groupBy defaults to model; days are UTC YYYY-MM-DD', () => {
  assert.deepEqual(readUsageQuery(new URLSearchParams('')), { groupBy: 'model' });
  assert.deepEqual(readUsageQuery(new URLSearchParams('groupBy=customer&from=2026-07-01&to=2026-07-31')), { groupBy: 'customer', from: '2026-07-01', to: '2026-07-31' });
});

test('an unknown group or a malformed day is refused, naming the parameter', () => {
  assert.throws(() => readUsageQuery(new URLSearchParams('groupBy=team')), /groupBy must be one of model, provider, feature, user, customer, route, day/);
  assert.throws(() => readUsageQuery(new URLSearchParams('to=2026-13-40')), /to must be a UTC day as YYYY-MM-DD/);
});
