import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FrugalError } from '../errors/frugal-error.ts';
import { multipleChoiceValidator } from './multiple-choice.ts';
import { readRoutingOutcomes } from './routing-outcomes.ts';
import { answerInput, quietContext } from './test-input.ts';

describe('multipleChoiceValidator', () => {
  // arc-challenge.test.55 from RouterBench: the correct answer is A ("a chart").
  const row = readRoutingOutcomes('routerbench-train.jsonl').find((candidate) => candidate.id === 'arc-challenge.test.55')!;
  const prompt = row.messages.at(-1)!.content;
  const answerOf = (model: string) => answerInput(row.outcomes[model]!.response!, prompt);

  it('passes the expected choice, including one given as option text', async () => {
    const validator = multipleChoiceValidator({ expected: 'A' });
    assert.deepEqual(await validator.validate(answerOf('gpt-4-1106-preview'), quietContext()), { pass: true, score: 1, reason: 'the response chose A, the expected answer' });
    assert.equal((await validator.validate(answerOf('claude-instant-v1'), quietContext())).pass, true); // "A chart"
  });

  it('fails another choice and an answer with no choice', async () => {
    const validator = multipleChoiceValidator({ expected: 'a' });
    assert.deepEqual(await validator.validate(answerOf('gpt-3.5-turbo-1106'), quietContext()), { pass: false, score: 0, reason: 'the response chose B; the expected answer is A' });
    assert.equal((await validator.validate(answerOf('claude-v2'), quietContext())).pass, false); // "I do" (truncated)
  });

  it('without an expected answer checks only that a choice was made', async () => {
    const validator = multipleChoiceValidator();
    assert.equal((await validator.validate(answerOf('gpt-3.5-turbo-1106'), quietContext())).reason, 'the response chose B');
    assert.equal((await validator.validate(answerOf('claude-v2'), quietContext())).pass, false);
  });

  it('rejects an expected answer that is not a letter A–E', () => {
    assert.throws(() => multipleChoiceValidator({ expected: 'F' }), (error: unknown) => FrugalError.isInstance(error) && /expected must be one of A, B, C, D, E, got "F"/.test(error.message));
  });
});
