import assert from 'node:assert/strict';
import { test } from 'node:test';
import { utcDay } from './day.ts';

test('a timestamp falls on its UTC day, at both edges of the day', () => {
  assert.equal(utcDay(Date.UTC(2026, 6, 1, 0, 0, 0)), '2026-07-01');
  assert.equal(utcDay(Date.UTC(2026, 6, 1, 23, 59, 59, 999)), '2026-07-01');
  assert.equal(utcDay(Date.UTC(2026, 6, 2)), '2026-07-02');
  assert.equal(utcDay(Date.UTC(2026, 6, 1, 12)), '2026-07-01');
  assert.equal(utcDay(0), '1970-01-01');
});
