import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFeedback } from './feedback.ts';

test('feedback on a request or on a task becomes an outcome from the app', () => {
  assert.deepEqual(readFeedback({ requestId: 'r1', success: false }, 5), { success: false, source: 'feedback', recordedAt: 5, requestId: 'r1' });
  assert.deepEqual(readFeedback({ taskId: 't1', success: true, score: 0.5, note: 'ok' }, 5), {
    success: true, source: 'feedback', recordedAt: 5, score: 0.5, note: 'ok', taskId: 't1',
  });
});

test('each malformed field is named', () => {
  const cases: [unknown, RegExp][] = [
    [[], /JSON object/],
    [{ success: true }, /exactly one of requestId/],
    [{ requestId: '', success: true }, /requestId must be a non-empty string/],
    [{ taskId: 't', success: 1 }, /success must be true or false/],
    [{ taskId: 't', success: true, score: Number.NaN }, /score must be a finite number/],
    [{ taskId: 't', success: true, note: 'x'.repeat(2001) }, /note must be a string of at most 2000/],
  ];
  for (const [body, message] of cases) assert.throws(() => readFeedback(body, 0), { code: 'FRUGAL_INVALID_REQUEST', message });
});
