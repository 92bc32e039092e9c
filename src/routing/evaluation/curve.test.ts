import { test } from 'node:test';
import assert from 'node:assert/strict';
import { outcomeTable } from '../data/outcome-table.ts';
import type { ModelOutcome, OutcomeItem } from '../data/outcome-types.ts';
import { oracle, randomMix, singleModels } from './baselines.ts';
import { policyResult } from './curve.ts';

function item(id: string, outcomes: Record<string, [number, number]>): OutcomeItem {
  const map = new Map<string, ModelOutcome>();
  for (const [model, [score, costPico]] of Object.entries(outcomes)) map.set(model, { score, costPico, costSource: 'recorded' });
  return { id, source: 'test', messages: [{ role: 'user', content: id }], outcomes: map };
}

// cheap: $0.0001 per prompt = 100,000,000 pico; strong: $0.002 = 2,000,000,000 pico.
const table = outcomeTable(
  [
    item('a', { cheap: [1, 100_000_000], strong: [1, 2_000_000_000] }),
    item('b', { cheap: [0, 100_000_000], strong: [1, 2_000_000_000] }),
    item('c', { cheap: [0, 100_000_000], strong: [0, 2_000_000_000] }),
    item('d', { cheap: [1, 100_000_000], strong: [0, 2_000_000_000] }),
  ],
  ['cheap', 'strong'],
);

test('a cascade pays every attempt: spend, cost per success and premium share are exact', () => {
  // Cheap first on every item, escalate where cheap failed (b, c):
  // spend = 4 × 100,000,000 + 2 × 2,000,000,000 = 4,400,000,000 pico = $0.0044;
  // successes: a (cheap), b (strong), d (cheap) = 3; c fails on both.
  const result = policyResult(table, 1, (row) => (table.scores[row * 2] === 1 ? { attempts: [0], answered: 0 } : { attempts: [0, 1], answered: 1 }));
  assert.equal(result.totalPico, 4_400_000_000);
  assert.equal(result.quality, 0.75);
  assert.ok(Math.abs(result.costUsdPer1k - 1.1) < 1e-12); // $0.0044 / 4 items × 1000
  assert.ok(Math.abs(result.costPerSuccessUsd! - 0.0044 / 3) < 1e-15);
  assert.equal(result.premiumShare, 0.5);
  assert.equal(result.attemptsPerItem, 1.5);
});

test('single models, the oracle and the random mix', () => {
  const [cheap, strong] = singleModels(table, 1);
  assert.deepEqual([cheap!.quality, strong!.quality], [0.5, 0.5]);
  // Oracle: a → cheap, b → strong, c → cheap (nobody succeeds: the cheaper), d → cheap.
  const best = oracle(table, 1);
  assert.equal(best.quality, 0.75);
  assert.equal(best.totalPico, 3 * 100_000_000 + 2_000_000_000);
  // strong is no better than cheap and costs more: the hull is cheap alone.
  assert.deepEqual(randomMix([cheap!, strong!], 'strong'), [{ share: 0, quality: 0.5, costUsdPer1k: 0.1, premiumShare: 0 }]);
});
