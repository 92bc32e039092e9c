import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { checkSafe, formatScaled, formatUsd, formatUsdPerMillion, formatUsdPerMillionTimes, multiplyPico, parseMultiplier, picoFromUsd, picoPerToken } from './money.ts';

test('USD per million → integer pico-USD per token', () => {
  assert.equal(picoPerToken('5'), 5_000_000); // $5/M = 5e-6 USD/token = 5,000,000 pico-USD
  assert.equal(picoPerToken('0.50'), 500_000);
  assert.equal(picoPerToken('3.75'), 3_750_000);
  assert.equal(picoPerToken('0.000001'), 1);
  assert.equal(picoPerToken('0.0280000'), 28_000); // trailing zeros beyond 6 decimals are harmless
});

test('a price finer than 6 decimals of USD/M, or not a plain decimal, is rejected clearly', () => {
  assert.throws(() => picoPerToken('0.0000001'), (error: Error & { code?: string }) =>
    error.code === 'FRUGAL_INVALID_CATALOG' && /"0\.0000001" has more than 6 decimals/.test(error.message));
  assert.throws(() => picoPerToken('1e-7'), /not a plain non-negative decimal/);
  assert.throws(() => picoPerToken('-1'), /not a plain non-negative decimal/);
  assert.throws(() => picoPerToken('99999999999'), (error: Error & { code?: string }) => error.code === 'FRUGAL_MONEY_OVERFLOW');
});

test('USD amounts (fees) → pico-USD with up to 12 decimals', () => {
  assert.equal(picoFromUsd('0.01'), 10_000_000_000);
  assert.equal(picoFromUsd('0.000000000001'), 1);
  assert.throws(() => picoFromUsd('0.0000000000001'), /more than 12 decimals/);
});

test('formatting is exact, with trailing zeros trimmed', () => {
  assert.equal(formatUsd(34_500_000_000), '0.0345');
  assert.equal(formatUsd(0), '0');
  assert.equal(formatUsd(1), '0.000000000001');
  assert.equal(formatUsd(1_234_000_000_000_000), '1234');
  assert.equal(formatUsd(-21_000_000_000), '-0.021');
  assert.equal(formatUsd(Number.MAX_SAFE_INTEGER), '9007.199254740991');
  assert.equal(formatUsdPerMillion(28_000), '0.028');
  assert.equal(formatUsdPerMillionTimes(3_000_000, parseMultiplier('1.1')), '3.3');
  assert.equal(formatUsdPerMillionTimes(1, parseMultiplier('0.25')), '0.00000025');
});

test('multipliers are exact fractions, rounded half up once', () => {
  const uplift = parseMultiplier('1.1');
  assert.deepEqual([uplift.numerator, uplift.denominator], [11, 10]);
  assert.equal(multiplyPico(100, uplift), 110);
  assert.equal(multiplyPico(5, uplift), 6); // 5.5 → 6 (half up)
  assert.equal(multiplyPico(4, uplift), 4); // 4.4 → 4
  assert.equal(multiplyPico(3, parseMultiplier('0.5')), 2); // 1.5 → 2
  assert.equal(multiplyPico(7, parseMultiplier('2')), 14);
  // A product beyond 2^53 is computed with BigInt: (2^53 − 1) × 0.5 = 4,503,599,627,370,495.5 → …496
  assert.equal(multiplyPico(Number.MAX_SAFE_INTEGER, parseMultiplier('0.5')), 4_503_599_627_370_496);
  assert.throws(() => multiplyPico(Number.MAX_SAFE_INTEGER, parseMultiplier('1.5')), (error: Error & { code?: string }) =>
    error.code === 'FRUGAL_MONEY_OVERFLOW');
});

test('amounts beyond the safe-integer range raise FRUGAL_MONEY_OVERFLOW', () => {
  assert.equal(checkSafe(42, 'x'), 42);
  assert.throws(() => checkSafe(2 ** 53, 'total cost'), /total cost exceeds the exact integer range/);
});

test('the fast USD formatting agrees with exact BigInt formatting for every safe integer', () => {
  fc.assert(
    fc.property(fc.maxSafeInteger().filter((value) => value >= -Number.MAX_SAFE_INTEGER), (pico) => {
      assert.equal(formatUsd(pico), formatScaled(BigInt(pico), 12));
    }),
    { numRuns: 2000 },
  );
});
