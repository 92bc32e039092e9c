import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { allOf } from './all-of.ts';
import { jsonParseValidator } from './json-parse.ts';
import { answerInput, quietContext } from './test-input.ts';
import type { Validator, ValidationVerdict } from './validator.ts';

function counting(name: string, verdict: ValidationVerdict): Validator & { calls: number } {
  const validator = {
    name,
    kind: 'test',
    calls: 0,
    async validate() {
      validator.calls++;
      return verdict;
    },
  };
  return validator;
}

const judgeAttempt = (costPicoUsd: number | null) => ({ model: 'judge', purpose: 'judge' as const, costPicoUsd, response: { id: 'j', model: 'judge', choices: [] } });

describe('allOf', () => {
  it('stops at the first failure, so later (costly) validators do not run', async () => {
    const judge = counting('judge', { pass: true, reason: 'ok', costPicoUsd: 5, attempts: [judgeAttempt(5)] });
    const verdict = await allOf([jsonParseValidator(), judge]).validate(answerInput('not json'), quietContext());
    assert.equal(verdict.pass, false);
    assert.match(verdict.reason, /^json-parse: the response is not valid JSON/);
    assert.equal(judge.calls, 0);
    assert.equal(verdict.costPicoUsd, undefined);
  });

  it('passes when all pass, summing the cost of their model calls', async () => {
    const first = counting('judge-a', { pass: true, reason: 'a', costPicoUsd: 1_000, attempts: [judgeAttempt(1_000)] });
    const second = counting('judge-b', { pass: true, reason: 'b', costPicoUsd: 2_500, attempts: [judgeAttempt(2_500)] });
    const verdict = await allOf([jsonParseValidator(), first, second]).validate(answerInput('{}'), quietContext());
    assert.equal(verdict.pass, true);
    assert.equal(verdict.reason, 'json-parse: the response is valid JSON; judge-a: a; judge-b: b');
    assert.equal(verdict.costPicoUsd, 3_500); // 1,000 + 2,500
    assert.equal(verdict.attempts!.length, 2);
  });

  it('keeps the cost of a failing judge and leaves the total out when one call was unpriced', async () => {
    const priced = counting('judge-a', { pass: true, reason: 'a', costPicoUsd: 1_000, attempts: [judgeAttempt(1_000)] });
    const unpriced = counting('judge-b', { pass: false, score: 0.3, reason: 'b', attempts: [judgeAttempt(null)] });
    const verdict = await allOf([priced, unpriced]).validate(answerInput('x'), quietContext());
    assert.deepEqual([verdict.pass, verdict.score, verdict.reason, verdict.costPicoUsd, verdict.attempts!.length], [false, 0.3, 'judge-b: b', undefined, 2]);
  });

  it('does not start another validator once aborted', async () => {
    const controller = new AbortController();
    controller.abort(new Error('client went away'));
    const judge = counting('judge', { pass: true, reason: 'ok' });
    await assert.rejects(allOf([judge]).validate(answerInput('x'), { signal: controller.signal }), /client went away/);
    assert.equal(judge.calls, 0);
  });
});
