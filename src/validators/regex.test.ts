import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FrugalError } from '../errors/frugal-error.ts';
import { regexValidator } from './regex.ts';
import { answerInput, quietContext } from './test-input.ts';

describe('regexValidator', () => {
  it('must match: an order id in the answer', async () => {
    const validator = regexValidator({ pattern: String.raw`\bORD-\d{6}\b` });
    assert.equal((await validator.validate(answerInput('Your order ORD-204311 ships today.'), quietContext())).pass, true);
    const verdict = await validator.validate(answerInput('Your order ships today.'), quietContext());
    assert.equal(verdict.pass, false);
    assert.match(verdict.reason, /does not match .* and it must/);
  });

  it('must not match: no leaked placeholders, case-insensitive', async () => {
    const validator = regexValidator({ pattern: String.raw`\[(insert|your) [a-z ]+\]`, flags: 'i', mustMatch: false });
    assert.equal((await validator.validate(answerInput('Dear [Your Name], thanks.'), quietContext())).pass, false);
    assert.equal((await validator.validate(answerInput('Dear Ana, thanks.'), quietContext())).pass, true);
  });

  it('gives the same verdict on every call even with the g flag', async () => {
    const validator = regexValidator({ pattern: 'yes', flags: 'g' });
    for (let call = 0; call < 3; call++) assert.equal((await validator.validate(answerInput('yes'), quietContext())).pass, true);
  });

  it('rejects an invalid pattern with the pattern in the message', () => {
    assert.throws(
      () => regexValidator({ pattern: '(unclosed' }),
      (error: unknown) => FrugalError.isInstance(error) && error.code === 'FRUGAL_INVALID_CONFIG' && error.message.includes('"(unclosed"'),
    );
  });
});
