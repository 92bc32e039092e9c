import assert from 'node:assert/strict';
import { test } from 'node:test';
import { perUnitPico, picoToUsd } from './money.ts';

test('sums print as exact USD, past the range of a Number', () => {
  assert.equal(picoToUsd(0n), '0');
  assert.equal(picoToUsd(1n), '0.000000000001');
  assert.equal(picoToUsd(1_215_000_000n), '0.001215');
  // 2^53 + 1 pico-USD = 9,007,199,254,740,993 pico-USD = $9,007.199254740993
  assert.equal(picoToUsd(9_007_199_254_740_993n), '9007.199254740993');
});

test('cost per unit rounds half up to a whole pico-USD, and is null without units', () => {
  assert.equal(perUnitPico(1_215_000_000n, 2), 607_500_000n);
  // 10 / 4 = 2.5 → 3; 10 / 3 = 3.33 → 3
  assert.equal(perUnitPico(10n, 4), 3n);
  assert.equal(perUnitPico(10n, 3), 3n);
  assert.equal(perUnitPico(10n, 0), null);
});
