import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FrugalError } from '../errors/frugal-error.ts';
import { lengthBoundsValidator } from './length-bounds.ts';
import { answerInput, quietContext } from './test-input.ts';

describe('lengthBoundsValidator', () => {
  it('counts characters as code points', async () => {
    const validator = lengthBoundsValidator({ min: 3, max: 5 });
    assert.equal((await validator.validate(answerInput('héllo'), quietContext())).pass, true); // 5 code points
    assert.equal((await validator.validate(answerInput('😀😀😀'), quietContext())).pass, true); // 3, though 6 UTF-16 units
    assert.deepEqual(await validator.validate(answerInput('hi'), quietContext()), { pass: false, reason: 'the response has 2 chars, fewer than the minimum 3' });
  });

  it('counts tokens with the answering model tokenizer', async () => {
    // "hello world" is 2 tokens in o200k_base (gpt-4o-mini): "hello", " world".
    const validator = lengthBoundsValidator({ max: 2, unit: 'tokens' });
    assert.equal((await validator.validate(answerInput('hello world'), quietContext())).pass, true);
    assert.match((await validator.validate(answerInput('hello world again'), quietContext())).reason, /3 tokens, more than the maximum 2/);
  });

  it('rejects bounds that cannot be met or are missing', () => {
    const isConfigError = (error: unknown) => FrugalError.isInstance(error) && error.code === 'FRUGAL_INVALID_CONFIG';
    assert.throws(() => lengthBoundsValidator({ min: 10, max: 5 }), isConfigError);
    assert.throws(() => lengthBoundsValidator({}), isConfigError);
    assert.throws(() => lengthBoundsValidator({ max: -1 }), isConfigError);
  });
});
