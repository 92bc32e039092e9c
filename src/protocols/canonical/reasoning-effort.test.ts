import { test } from 'node:test';
import assert from 'node:assert/strict';
import { budgetForEffort, effortForBudget } from './reasoning-effort.ts';

test('a budget maps to the smallest effort that covers it, and back to that effort\'s budget', () => {
  assert.equal(effortForBudget(0), 'none');
  assert.equal(effortForBudget(50), 'minimal');
  assert.equal(effortForBudget(1024), 'low');
  assert.equal(effortForBudget(1025), 'medium');
  assert.equal(effortForBudget(4096), 'high');
  assert.equal(effortForBudget(100_000), 'max');
  for (const effort of ['none', 'minimal', 'low', 'medium', 'high', 'xhigh', 'max'] as const) assert.equal(effortForBudget(budgetForEffort(effort)), effort);
});
