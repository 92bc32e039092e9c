import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkArithmetic, evaluateExpression } from './arithmetic-check.ts';

test('the expression parser follows precedence and refuses anything else', () => {
  assert.equal(evaluateExpression('2 + 3 * 4'), 14);
  assert.equal(evaluateExpression('(2 + 3) * 4'), 20);
  assert.equal(evaluateExpression('1,000 / 8'), 125);
  assert.equal(evaluateExpression('-3 + 5'), 2);
  assert.equal(evaluateExpression('2 ** 3'), undefined);
  assert.equal(evaluateExpression('process.exit()'), undefined);
});

test('calculator annotations and inline equations are checked; wrong steps counted', () => {
  // Right: 16-3=13, 13-4=9 (annotation), 9 * 2 = 18 (inline). Wrong: 80000+50000=120000.
  const response = 'She has 16 - 3 = 13 left, then <<13-4=9>>9. 9 * 2 = 18 dollars. Value: <<80000+50000=120000>>120000';
  assert.deepEqual(checkArithmetic(response), { checked: 4, wrong: 1 });
});
