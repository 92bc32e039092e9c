import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FrugalError } from '../errors/frugal-error.ts';
import { createValidator } from './create-validator.ts';
import { answerInput, quietContext, textResponse } from './test-input.ts';

function configError(pattern: RegExp) {
  return (error: unknown) => FrugalError.isInstance(error) && error.code === 'FRUGAL_INVALID_CONFIG' && pattern.test(error.message);
}

describe('createValidator', () => {
  it('builds each validator type from its route configuration', () => {
    const specs: Array<[unknown, string]> = [
      [{ type: 'json-parse' }, 'json-parse'],
      [{ type: 'json-schema', schema: { type: 'object' } }, 'json-schema'],
      [{ type: 'regex', pattern: '^OK', flags: 'i', mustMatch: true }, 'regex'],
      [{ type: 'non-empty' }, 'non-empty'],
      [{ type: 'refusal' }, 'refusal'],
      [{ type: 'length', max: 400, unit: 'tokens' }, 'length'],
      [{ type: 'multiple-choice', expected: 'B' }, 'multiple-choice'],
      [{ type: 'self-consistency', answer: 'number', threshold: 0.6 }, 'self-consistency'],
      [{ type: 'llm-judge', model: 'gpt-4o-mini', rubric: 'Is it polite?', threshold: 7 }, 'llm-judge'],
      [{ type: 'webhook', url: 'https://hooks.example.com/check', timeoutMs: 2000, onError: 'pass' }, 'webhook'],
      [{ type: 'all-of', validators: [{ type: 'non-empty' }, { type: 'refusal' }] }, 'all-of'],
    ];
    for (const [spec, kind] of specs) assert.equal(createValidator(spec).kind, kind);
    assert.equal(createValidator({ type: 'regex', pattern: 'x', name: 'has-x' }).name, 'has-x');
  });

  it('builds a composition that validates', async () => {
    const validator = createValidator({
      type: 'all-of',
      validators: [{ type: 'refusal' }, { type: 'llm-judge', model: 'cheap-judge', rubric: 'Correct and complete.', threshold: 6 }],
    });
    const complete = async () => ({ response: textResponse('Score: 6'), costPicoUsd: 9_000 });
    const verdict = await validator.validate(answerInput('Canberra is the capital.'), quietContext({ complete }));
    assert.deepEqual([verdict.pass, verdict.costPicoUsd], [true, 9_000]);
  });

  it('names the offending field and says what is expected', () => {
    assert.throws(() => createValidator('regex'), configError(/^validator: must be an object with a "type", got "regex"/));
    assert.throws(() => createValidator({ type: 'jsonschema' }), configError(/validator.type: must be one of json-parse, json-schema, .*got "jsonschema"/));
    assert.throws(() => createValidator({ type: 'regex' }), configError(/validator.pattern: is required for a regex validator/));
    assert.throws(() => createValidator({ type: 'regex', pattern: 'a', must_match: false }), configError(/validator.must_match: is not a field of a regex validator \(fields: name, pattern, flags, mustMatch\)/));
    assert.throws(() => createValidator({ type: 'length', max: '400' }), configError(/validator.max: must be a finite number, got "400"/));
    assert.throws(() => createValidator({ type: 'length', max: 10, unit: 'words' }), configError(/validator.unit: must be one of "chars", "tokens", got "words"/));
    assert.throws(() => createValidator({ type: 'llm-judge', model: 'm', rubric: 'r', threshold: 70 }), configError(/^validator: llm-judge validator: threshold must be a score from 1 to 10, got 70/));
    assert.throws(() => createValidator({ type: 'webhook', url: 'hooks.example.com' }), configError(/url must be an absolute http\(s\) URL/));
    assert.throws(() => createValidator({ type: 'all-of', validators: [] }), configError(/validator.validators: must list at least one validator/));
  });

  it('prefixes errors with the configuration path, also inside all-of', () => {
    assert.throws(
      () => createValidator({ type: 'all-of', validators: [{ type: 'refusal' }, { type: 'regex', pattern: '(' }] }, 'routes.support.validators[0]'),
      configError(/^routes\.support\.validators\[0\]\.validators\[1\]: regex validator: pattern "\(" .* is not a valid regular expression/),
    );
  });
});
