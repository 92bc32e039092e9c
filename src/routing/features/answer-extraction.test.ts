import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractChoice, extractNumber } from './answer-extraction.ts';

test('choice letters in the shapes models answer with, limited to the prompt’s options', () => {
  assert.equal(extractChoice('D'), 'D');
  assert.equal(extractChoice('A)'), 'A');
  assert.equal(extractChoice('B\n'), 'B');
  assert.equal(extractChoice('(C) palms covered with oil'), 'C');
  assert.equal(extractChoice('The answer is B.'), 'B');
  assert.equal(extractChoice('A boat travels north'), undefined);
  assert.equal(extractChoice('I do not know'), undefined);
  assert.equal(extractChoice('C', 'AB'), undefined);
});

test('numeric answers: the #### marker first, then "answer is", then the last number', () => {
  assert.equal(extractNumber('9 * 2 = 18\n#### 18'), '18');
  assert.equal(extractNumber('So the answer is $1,250.50 in total, not 3'), '1250.5');
  assert.equal(extractNumber('She sells 9 eggs for 9 * $2 = $18.'), '18');
  assert.equal(extractNumber('no digits here'), undefined);
});
