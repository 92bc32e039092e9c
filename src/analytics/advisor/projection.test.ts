import assert from 'node:assert/strict';
import { test } from 'node:test';
import { daysInclusive, projectToMonth } from './projection.ts';

test('observed savings scale to 30 days, rounded half up to the pico-USD', () => {
  assert.equal(projectToMonth(3_750_000_000n, 10), 11_250_000_000n); // × 30 / 10 = × 3
  assert.equal(projectToMonth(1_000n, 7), 4_286n); // 30,000 / 7 = 4,285.71…
  assert.equal(projectToMonth(1n, 60), 1n); // 0.5 rounds up
  assert.equal(projectToMonth(1n, 61), 0n); // 30 / 61 = 0.49…
  assert.throws(() => projectToMonth(1n, 0), /at least 1/);
});

test('a window counts both of its UTC days', () => {
  assert.equal(daysInclusive('2026-09-01', '2026-09-10'), 10);
  assert.equal(daysInclusive('2026-09-01', '2026-09-01'), 1);
  assert.equal(daysInclusive('2026-02-28', '2026-03-01'), 2);
});
