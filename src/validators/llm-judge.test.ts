import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FrugalError } from '../errors/frugal-error.ts';
import type { CanonicalRequest } from '../protocols/canonical/request.ts';
import { llmJudgeValidator } from './llm-judge.ts';
import { answerInput, quietContext, textResponse } from './test-input.ts';

const RUBRIC = 'The answer states the refund window (30 days) and how to start a return.';

function judgeReplying(reply: string, costPicoUsd: number | null = 42_000_000) {
  const asked: CanonicalRequest[] = [];
  const complete = async (request: CanonicalRequest) => {
    asked.push(request);
    return { response: textResponse(reply, request.model), costPicoUsd };
  };
  return { asked, context: quietContext({ complete }) };
}

describe('llmJudgeValidator', () => {
  const validator = llmJudgeValidator({ model: 'gpt-4o-mini', rubric: RUBRIC, threshold: 7 });
  const input = answerInput('You can return items within 30 days from Orders → Return.', 'How do I return shoes?');

  it('sends the rubric, question and answer to the judge model and passes at the threshold', async () => {
    const judge = judgeReplying('States the window and the steps.\nScore: 7');
    const verdict = await validator.validate(input, judge.context);
    assert.equal(verdict.pass, true);
    assert.equal(verdict.score, 0.7); // 7 / 10
    assert.equal(verdict.costPicoUsd, 42_000_000);
    assert.deepEqual(verdict.attempts!.map((attempt) => [attempt.model, attempt.purpose, attempt.costPicoUsd]), [['gpt-4o-mini', 'judge', 42_000_000]]);
    const request = judge.asked[0]!;
    assert.equal(request.model, 'gpt-4o-mini');
    assert.equal(request.stream, false);
    const prompt = request.messages[0]!.content[0]!;
    assert.ok(prompt.type === 'text' && prompt.text.includes(RUBRIC) && prompt.text.includes('How do I return shoes?') && prompt.text.includes('within 30 days'));
  });

  it('fails below the threshold', async () => {
    const verdict = await validator.validate(input, judgeReplying('Misses the return steps. Rating: [[5]]').context);
    assert.deepEqual([verdict.pass, verdict.score, verdict.reason], [false, 0.5, 'the judge scored 5/10 (threshold 7)']);
  });

  it('fails an unreadable judge reply but still reports its cost', async () => {
    const verdict = await validator.validate(input, judgeReplying('This answer seems good to me.').context);
    assert.equal(verdict.pass, false);
    assert.match(verdict.reason, /has no score from 1 to 10/);
    assert.equal(verdict.costPicoUsd, 42_000_000);
  });

  it('reports an unpriced judge as no cost, never 0', async () => {
    const verdict = await validator.validate(input, judgeReplying('Score: 9', null).context);
    assert.equal(verdict.costPicoUsd, undefined);
    assert.equal(verdict.attempts![0]!.costPicoUsd, null);
  });

  it('needs a complete function and a sound configuration', async () => {
    await assert.rejects(validator.validate(input, quietContext()), /no complete function/);
    assert.throws(() => llmJudgeValidator({ model: 'm', rubric: RUBRIC, threshold: 0.7 }), (error: unknown) => FrugalError.isInstance(error) && /threshold must be a score from 1 to 10, got 0.7/.test(error.message));
    assert.throws(() => llmJudgeValidator({ model: 'm', rubric: ' ', threshold: 7 }), /rubric/);
  });
});
