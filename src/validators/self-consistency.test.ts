import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FrugalError } from '../errors/frugal-error.ts';
import type { CanonicalRequest } from '../protocols/canonical/request.ts';
import { readRoutingOutcomes } from './routing-outcomes.ts';
import { selfConsistencyValidator } from './self-consistency.ts';
import { answerInput, quietContext, textResponse } from './test-input.ts';

describe('selfConsistencyValidator', () => {
  const gsm8k = new Map(readRoutingOutcomes('routellm-gsm8k.jsonl').map((row) => [row.id, row]));
  const answers = (id: string) => Object.values(gsm8k.get(id)!.outcomes).map((outcome) => outcome.response!);

  it('passes when two models agree on a GSM8K answer written in different styles', async () => {
    // gsm8k.0: Mixtral ends "#### 18", GPT-4 ends "... = $18 every day"; both scored 1.
    const [mixtral, gpt4] = answers('gsm8k.0');
    const verdict = await selfConsistencyValidator({ answer: 'number', threshold: 1 }).validate(answerInput(mixtral!, 'Q', { samples: [gpt4!] }), quietContext());
    assert.deepEqual(verdict, { pass: true, score: 1, reason: '2 of 2 answers agree with 18 (18×2; threshold 1)' });
  });

  it('fails when they disagree', async () => {
    // gsm8k.7: Mixtral "#### 60 minutes" scored 0, GPT-4 "160 minutes" scored 1.
    const [mixtral, gpt4] = answers('gsm8k.7');
    const verdict = await selfConsistencyValidator({ answer: 'number', threshold: 1 }).validate(answerInput(mixtral!, 'Q', { samples: [gpt4!] }), quietContext());
    assert.equal(verdict.pass, false);
    assert.equal(verdict.score, 0.5);
  });

  it('votes over sampled choices, and this answer must be the agreed one', async () => {
    const validator = selfConsistencyValidator({ answer: 'choice', threshold: 0.6 });
    const prompt = 'Which gas do plants absorb?\nA) oxygen\nB) carbon dioxide\nC) nitrogen\nAnswer:';
    // 3 of 5 answers say B: share 3/5 = 0.6, at the threshold.
    const agreeing = answerInput('B', prompt, { samples: ['The answer is (B).', 'carbon dioxide', 'A', 'I do not know'] });
    assert.deepEqual(await validator.validate(agreeing, quietContext()), { pass: true, score: 0.6, reason: '3 of 5 answers agree with B (B×3, A×1; threshold 0.6)' });
    // This answer is the minority A: share 1/5.
    const minority = answerInput('A', prompt, { samples: ['B', 'B', 'carbon dioxide', 'B'] });
    assert.equal((await validator.validate(minority, quietContext())).score, 0.2);
  });

  it('fails with fewer answers than minAnswers', async () => {
    const verdict = await selfConsistencyValidator({ answer: 'text', threshold: 0.5 }).validate(answerInput('Paris'), quietContext());
    assert.deepEqual(verdict, { pass: false, reason: 'self-consistency needs at least 2 answers, got 1' });
  });

  it('asks sample models through complete and returns their cost', async () => {
    const asked: CanonicalRequest[] = [];
    const complete = async (request: CanonicalRequest) => {
      asked.push(request);
      return { response: textResponse(request.model === 'cheap-b' ? 'It is 42.' : '#### 41', request.model), costPicoUsd: request.model === 'cheap-b' ? 1_500_000 : 700_000 };
    };
    const validator = selfConsistencyValidator({ answer: 'number', threshold: 0.6, sampleModels: ['cheap-b', 'cheap-c'] });
    const verdict = await validator.validate(answerInput('So the total is 42.'), quietContext({ complete }));
    assert.deepEqual(asked.map((request) => [request.model, request.stream]), [['cheap-b', false], ['cheap-c', false]]);
    assert.equal(verdict.pass, true); // 42, 42, 41: share 2/3 ≥ 0.6
    assert.equal(verdict.costPicoUsd, 2_200_000); // 1,500,000 + 700,000
    assert.deepEqual(verdict.attempts!.map((attempt) => [attempt.model, attempt.purpose]), [['cheap-b', 'sample'], ['cheap-c', 'sample']]);
  });

  it('leaves the cost out when a sample model is unpriced', async () => {
    const complete = async (request: CanonicalRequest) => ({ response: textResponse('#### 7', request.model), costPicoUsd: null });
    const verdict = await selfConsistencyValidator({ answer: 'number', threshold: 1, sampleModels: ['local'] }).validate(answerInput('#### 7'), quietContext({ complete }));
    assert.equal(verdict.pass, true);
    assert.equal(verdict.costPicoUsd, undefined);
    assert.equal(verdict.attempts![0]!.costPicoUsd, null);
  });

  it('rejects thresholds outside (0, 1]', () => {
    assert.throws(() => selfConsistencyValidator({ answer: 'number', threshold: 60 }), (error: unknown) => FrugalError.isInstance(error) && /threshold must be in \(0, 1\], got 60/.test(error.message));
  });
});
