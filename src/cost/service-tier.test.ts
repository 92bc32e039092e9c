import { test } from 'node:test';
import assert from 'node:assert/strict';
import { modeFromServiceTier } from './service-tier.ts';

test('the echoed service tier picks the pricing mode', () => {
  assert.equal(modeFromServiceTier('flex'), 'flex');
  assert.equal(modeFromServiceTier('priority'), 'priority');
  assert.equal(modeFromServiceTier('batch'), 'batch');
  for (const tier of ['default', 'auto', 'standard', 'scale', undefined]) assert.equal(modeFromServiceTier(tier), 'live');
});
