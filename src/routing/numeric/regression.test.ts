import { test } from 'node:test';
import assert from 'node:assert/strict';
import { predictLogistic, trainLogistic } from './logistic-regression.ts';
import { ridgeRegression } from './ridge-regression.ts';

test('ridge regression without a penalty recovers an exact linear relation', () => {
  // y = 2 + 3·x1 − 0.5·x2 on four points.
  const rows = [
    [1, 0, 0],
    [1, 1, 0],
    [1, 0, 2],
    [1, 3, 1],
  ];
  const targets = rows.map((row) => 2 + 3 * row[1]! - 0.5 * row[2]!);
  const weights = ridgeRegression(rows, targets, 0);
  [2, 3, -0.5].forEach((expected, index) => assert.ok(Math.abs(weights[index]! - expected) < 1e-9, `w${index} = ${weights[index]}`));
});

test('logistic regression separates two outputs that depend on different inputs', () => {
  // Output 0 is on when input 0 is positive; output 1 when input 1 is.
  const rows: number[][] = [];
  const labels: number[] = [];
  for (let index = 0; index < 200; index++) {
    const row = [index % 2 === 0 ? 1 : -1, index % 3 === 0 ? 1 : -1];
    rows.push(row);
    labels.push(row[0]! > 0 ? 1 : 0, row[1]! > 0 ? 1 : 0);
  }
  const model = trainLogistic(rows, Float64Array.from(labels), 2, { epochs: 40, l2: 0.1 });
  const [onOff, offOn] = [predictLogistic(model, [1, -1]), predictLogistic(model, [-1, 1])];
  assert.ok(onOff[0]! > 0.9 && onOff[1]! < 0.1, `${onOff}`);
  assert.ok(offOn[0]! < 0.1 && offOn[1]! > 0.9, `${offOn}`);
});
