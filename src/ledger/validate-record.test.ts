import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FrugalError } from '../errors/frugal-error.ts';
import type { RequestRecord } from './records.ts';
import { attemptFor, costAt, sampleRequest, usageOf } from './sample-records.ts';
import { validateAttempt, validateOutcome, validateRequest } from './validate-record.ts';

const refusal = (pattern: RegExp) => (error: unknown) =>
  FrugalError.isInstance(error) && error.code === 'FRUGAL_INVALID_RECORD' && pattern.test(error.message);

const usage = usageOf({ input: 100, cacheWrite1h: 50 });
const valid = sampleRequest({ id: 'ok', usage, cost: costAt(usage, { input: 150_000, cacheWrite1h: 300_000 }) });

test('a well-formed request and attempt pass, including unpriced lines marked incomplete', () => {
  validateRequest(valid);
  validateAttempt(attemptFor(valid), valid, 0);
  // cacheWrite1h has no price: its line is unpriced, the total counts the input line only.
  const unpriced = costAt(usage, { input: 150_000 });
  assert.deepEqual([unpriced.totalPicoUsd, unpriced.complete], [15_000_000, false]);
  validateRequest({ ...valid, cost: unpriced });
});

test('each malformed field is named with what was expected', () => {
  const cases: [Partial<RequestRecord>, RegExp][] = [
    [{ id: '' }, /^request\.id is ""; expected a non-empty string/],
    [{ finishedAt: valid.startedAt - 1 }, /^request\.finishedAt .* ≥ startedAt/],
    [{ status: 42 }, /^request\.status is 42; expected an HTTP status/],
    [{ usage: { ...usage, output: -1 } }, /^request\.usage\.output is -1; expected a safe integer ≥ 0/],
    [{ usage: { ...usage, input: 0.5 } }, /^request\.usage\.input is 0\.5/],
    [{ cost: { ...valid.cost, complete: false } }, /^request\.cost\.complete is false; expected true/],
    [{ cost: { ...valid.cost, totalPicoUsd: 2 ** 53 } }, /^request\.cost\.totalPicoUsd is 9007199254740992; expected a safe integer/],
    [{ baselineCostPicoUsd: 1.5 }, /^request\.baselineCostPicoUsd is 1\.5/],
    [{ attribution: { ...valid.attribution, feature: 'a\u0000b' } }, /^request\.attribution\.feature .* without NUL/],
    [{ attribution: { ...valid.attribution, properties: { plan: 7 as unknown as string } } }, /^request\.attribution\.properties\.plan is 7/],
    [{ cache: { status: 'warm' as 'miss', avoidedCostPicoUsd: null, similarity: null } }, /^request\.cache\.status is "warm"/],
  ];
  for (const [change, message] of cases) assert.throws(() => validateRequest({ ...valid, ...change }), refusal(message));
  assert.throws(() => validateAttempt({ ...attemptFor(valid), kind: 'hedge' as 'race' }, valid, 2), refusal(/^attempts\[2\]\.kind is "hedge"/));
  assert.throws(() => validateAttempt({ ...attemptFor(valid), status: null, latencyMs: Number.NaN }, valid, 0), refusal(/^attempts\[0\]\.latencyMs is NaN/));
});

test('an outcome names exactly one of a request or a task', () => {
  validateOutcome({ taskId: 't', success: true, source: 'feedback', recordedAt: 1 });
  validateOutcome({ requestId: 'r', success: false, score: 0.2, note: 'wrong', source: 'validator', recordedAt: 1 });
  assert.throws(() => validateOutcome({ success: true, source: 'feedback', recordedAt: 1 } as never), refusal(/exactly one of requestId or taskId/));
  assert.throws(() => validateOutcome({ requestId: 'r', success: 'yes', source: 'feedback', recordedAt: 1 } as never), refusal(/^outcome\.success is "yes"/));
  assert.throws(() => validateOutcome({ requestId: 'r', success: true, source: 'user', recordedAt: 1 } as never), refusal(/^outcome\.source is "user"/));
});
