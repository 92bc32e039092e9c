import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { compareDecimal, decimalPlaces, divideDecimal, multiplyDecimal, normalizeDecimal, shiftDecimal } from './decimal.ts';

test('products are exact, with no float rounding', () => {
  assert.equal(multiplyDecimal('2.5', '0.8'), '2');
  assert.equal(multiplyDecimal('0.15', '0.85'), '0.1275');
  assert.equal(multiplyDecimal('3', '1.25'), '3.75');
  // 0.1 × 3 is 0.30000000000000004 in floats.
  assert.equal(multiplyDecimal('0.1', '3'), '0.3');
  assert.equal(multiplyDecimal('-2', '0.5'), '-1');
});

test('quotients are exact, or undefined when they have no finite decimal form', () => {
  assert.equal(divideDecimal('22.5', '15'), '1.5');
  assert.equal(divideDecimal('0.5', '0.25'), '2');
  assert.equal(divideDecimal('0.13', '0.25'), '0.52');
  assert.equal(divideDecimal('-3', '0.8'), '-3.75');
  assert.equal(divideDecimal('1', '3'), undefined);
  assert.equal(divideDecimal('1', '0'), undefined);
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 1, max: 1_000 }), (units, factor) => {
      // (price × factor) ÷ factor is the price again, exactly.
      const price = shiftDecimal(String(units), -6);
      const divisor = shiftDecimal(String(factor), -2);
      assert.equal(divideDecimal(multiplyDecimal(price, divisor), divisor), normalizeDecimal(price));
    }),
  );
});

test('comparison, shifting and normalization', () => {
  assert.equal(compareDecimal('0.30', '0.3'), 0);
  assert.equal(compareDecimal('10', '9.99'), 1);
  assert.equal(compareDecimal('-1', '0'), -1);
  assert.equal(shiftDecimal('0.0000025', 6), '2.5');
  assert.equal(shiftDecimal('3', 6), '3000000');
  assert.equal(shiftDecimal('2.5', -3), '0.0025');
  assert.equal(normalizeDecimal('007.500'), '7.5');
  assert.equal(decimalPlaces('0.1234560'), 6);
  assert.throws(() => multiplyDecimal('1e-6', '2'), /not a decimal number/);
});

test('multiplying by a discount and back by its inverse factor returns the price', () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 10_000_000 }), (units) => {
      const price = shiftDecimal(String(units), -6);
      assert.equal(compareDecimal(multiplyDecimal(multiplyDecimal(price, '0.8'), '1.25'), price), 0);
    }),
  );
});
