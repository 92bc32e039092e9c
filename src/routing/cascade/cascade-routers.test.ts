import { test } from 'node:test';
import assert from 'node:assert/strict';
import { outcomeTable } from '../data/outcome-table.ts';
import type { ModelOutcome, OutcomeItem } from '../data/outcome-types.ts';
import { policyResult, sweepCurve } from '../evaluation/curve.ts';
import { seededRandom } from '../numeric/seeded-shuffle.ts';
import { majorityOf } from './acceptance-model.ts';
import { agreementCascade, verdictCascade } from './cascade-routers.ts';
import { itemSignals } from './item-signals.ts';

const CHEAP = 100_000_000; // $0.0001 per call
const PREMIUM = 4_000_000_000; // $0.004 per call

function item(id: string, prompt: string, outcomes: Record<string, { score: number; costPico: number; response?: string }>): OutcomeItem {
  const map = new Map<string, ModelOutcome>();
  for (const [model, outcome] of Object.entries(outcomes)) map.set(model, { ...outcome, costSource: 'recorded' });
  return { id, source: 'synthetic', messages: [{ role: 'user', content: prompt }], outcomes: map };
}

/**
 * Multiple-choice items where two cheap models agree on the right letter 60% of the time;
 * otherwise "tiny" is wrong and "small" right half the time; "big" is right 90% of the time.
 */
function choiceItems(count: number, seed: number): OutcomeItem[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, (_, index) => {
    const right = 'ABCD'[index % 4]!;
    const wrong = 'ABCD'[(index + 1) % 4]!;
    const agree = random() < 0.6;
    const tiny = agree ? right : wrong;
    const small = agree ? right : random() < 0.5 ? right : 'ABCD'[(index + 2) % 4]!;
    const big = random() < 0.9 ? right : wrong;
    const prompt = `Question ${index} about topic ${index % 7}?\nA) one\nB) two\nC) three\nD) four\nAnswer:`;
    return item(`choice.${seed}.${index}`, prompt, {
      tiny: { score: tiny === right ? 1 : 0, costPico: CHEAP, response: tiny },
      small: { score: small === right ? 1 : 0, costPico: CHEAP, response: small },
      big: { score: big === right ? 1 : 0, costPico: PREMIUM, response: big },
    });
  });
}

test('the majority answer of the called models, earliest first on ties', () => {
  const table = outcomeTable(choiceItems(4, 1), ['tiny', 'small', 'big']);
  const signals = itemSignals(table);
  for (const itemSignals of signals) {
    const { answered, support } = majorityOf(itemSignals, [0, 1]);
    if (itemSignals.answers[0] === itemSignals.answers[1]) assert.deepEqual({ answered, support }, { answered: 0, support: 1 });
    else assert.deepEqual({ answered, support }, { answered: 0, support: 0.5 });
  }
});

test('the agreement cascade escalates disagreements: premium quality at a fraction of its cost', async () => {
  const models = ['tiny', 'small', 'big'];
  const train = outcomeTable(choiceItems(300, 2), models);
  const heldOut = outcomeTable(choiceItems(200, 3), models);
  const fitted = await agreementCascade('cascade-agreement', 'test', { verdictKinds: new Set() }).fit(train);
  assert.equal(models[fitted.premium], 'big');
  const curve = sweepCurve(heldOut, fitted.premium, await fitted.prepare(heldOut));
  const cheapest = curve[0]!;
  assert.equal(cheapest.premiumShare, 0);
  const big = policyResult(heldOut, fitted.premium, () => ({ attempts: [fitted.premium], answered: fitted.premium }));
  // Accept agreements (60%, all right), escalate the rest: quality ≈ 0.6 + 0.4 × 0.9 = 0.96 at
  // 2 cheap calls + 40% premium calls ≈ 0.2 + 1.6 = $1.8 per 1k, against $4 for big alone.
  const best = curve.reduce((top, point) => (point.quality > top.quality ? point : top));
  assert.ok(best.quality >= big.quality, `cascade ${best.quality} vs big ${big.quality}`);
  assert.ok(best.costUsdPer1k < 0.6 * big.costUsdPer1k, `cascade $${best.costUsdPer1k} vs big $${big.costUsdPer1k}`);
});

test('the verdict cascade pays every failed attempt before the one that passes', async () => {
  const prompt = (index: number) => `Write a python function number ${index} that reverses a list.`;
  const items = [
    // cheap1 passes: 1 call.
    item('code.0', prompt(0), { cheap1: { score: 1, costPico: CHEAP }, cheap2: { score: 1, costPico: 2 * CHEAP }, big: { score: 1, costPico: PREMIUM } }),
    // cheap1 fails, cheap2 passes: 2 calls.
    item('code.1', prompt(1), { cheap1: { score: 0, costPico: CHEAP }, cheap2: { score: 1, costPico: 2 * CHEAP }, big: { score: 1, costPico: PREMIUM } }),
    // both fail: 3 calls, the premium answers.
    item('code.2', prompt(2), { cheap1: { score: 0, costPico: CHEAP }, cheap2: { score: 0, costPico: 2 * CHEAP }, big: { score: 1, costPico: PREMIUM } }),
  ];
  const table = outcomeTable(items, ['cheap1', 'cheap2', 'big']);
  const fitted = await verdictCascade('cascade-verdict').fit(table);
  const prepared = await fitted.prepare(table);
  // Sweep: 2 cheap tiers, then 1, then premium only.
  assert.deepEqual(prepared.parameters, [2, 1, 0]);
  const result = policyResult(table, fitted.premium, (row) => prepared.decide(row, 2));
  // 1 + (1 + 2) + (1 + 2 + 40) = 47 units of 100,000,000 pico.
  assert.equal(result.totalPico, 47 * CHEAP);
  assert.equal(result.quality, 1);
  assert.ok(Math.abs(result.premiumShare - 1 / 3) < 1e-12);
});
