import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chooseCandidate } from './decision.ts';

// Three candidates: P(success) and expected cost in USD per 1k prompts.
const probabilities = [0.6, 0.75, 0.9];
const costs = [0.1, 0.5, 5];

test('utility rule: argmax P − λ·cost', () => {
  // λ = 0: the most likely (0.9).
  assert.equal(chooseCandidate(probabilities, costs, { rule: 'utility', lambda: 0 }), 2);
  // λ = 0.02: 0.6 − 0.002 = 0.598; 0.75 − 0.01 = 0.74; 0.9 − 0.1 = 0.8 → the third still wins.
  assert.equal(chooseCandidate(probabilities, costs, { rule: 'utility', lambda: 0.02 }), 2);
  // λ = 0.1: 0.59; 0.70; 0.40 → the second.
  assert.equal(chooseCandidate(probabilities, costs, { rule: 'utility', lambda: 0.1 }), 1);
  // λ = 1: 0.5; 0.25; −4.1 → the first.
  assert.equal(chooseCandidate(probabilities, costs, { rule: 'utility', lambda: 1 }), 0);
});

test('threshold rule: the cheapest candidate with P ≥ threshold, else the most likely', () => {
  assert.equal(chooseCandidate(probabilities, costs, { rule: 'threshold', threshold: 0.5 }), 0);
  assert.equal(chooseCandidate(probabilities, costs, { rule: 'threshold', threshold: 0.7 }), 1);
  assert.equal(chooseCandidate(probabilities, costs, { rule: 'threshold', threshold: 0.95 }), 2);
});

test('ties go to the cheaper candidate', () => {
  assert.equal(chooseCandidate([0.8, 0.8], [2, 1], { rule: 'utility', lambda: 0 }), 1);
});
