import { test } from 'node:test';
import assert from 'node:assert/strict';
import { usd } from './demo-report.ts';

test('exact pico-USD shown as dollars, rounded half up to the micro-dollar', () => {
  assert.equal(usd('6981750000'), '$0.006982'); // 0.00698175 → 0.006982
  assert.equal(usd('500000'), '$0.000001'); // half a micro-dollar rounds up
  assert.equal(usd(12_345_678_000_000n), '$12.345678');
  assert.equal(usd('0'), '$0.000000');
});
