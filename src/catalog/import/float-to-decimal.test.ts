import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { floatToDecimal, perTokenToPerMillion } from './float-to-decimal.ts';

test('per-token floats become exact USD-per-million strings without float noise', () => {
  assert.equal(perTokenToPerMillion(2.9999900000000002e-6), '2.99999');
  assert.equal(perTokenToPerMillion(3e-6), '3');
  assert.equal(perTokenToPerMillion(1.25e-7), '0.125');
  assert.equal(perTokenToPerMillion(3.75e-6), '3.75');
  assert.equal(perTokenToPerMillion(1.3e-10), '0.00013');
  assert.equal(perTokenToPerMillion(0), '0');
  assert.equal(perTokenToPerMillion(0.00001), '10');
});

test('plain floats keep their decimal digits', () => {
  assert.equal(floatToDecimal(1.1), '1.1');
  assert.equal(floatToDecimal(0.035), '0.035');
  assert.equal(floatToDecimal(120), '120');
});

function exactDecimal(units: number, places: number): string {
  const digits = String(units).padStart(places + 1, '0');
  const whole = digits.slice(0, digits.length - places);
  const fraction = digits.slice(digits.length - places).replace(/0+$/, '');
  return fraction === '' ? whole : `${whole}.${fraction}`;
}

test('any price with up to 8 significant digits, stored per token as a float, comes back exact', () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 99_999_999 }), fc.integer({ min: 0, max: 10 }), (units, places) => {
      const perToken = Number(`${units}e-${places + 6}`);
      assert.equal(perTokenToPerMillion(perToken), exactDecimal(units, places));
    }),
  );
});
