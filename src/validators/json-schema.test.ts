import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FrugalError } from '../errors/frugal-error.ts';
import { jsonSchemaValidator } from './json-schema.ts';
import { answerInput, quietContext, userRequest } from './test-input.ts';

const INVOICE = {
  type: 'object',
  properties: {
    vendor: { type: 'string' },
    total: { type: 'number', minimum: 0 },
    lines: { type: 'array', items: { type: 'object', properties: { sku: { type: 'string' }, quantity: { type: 'integer' } }, required: ['sku', 'quantity'] } },
  },
  required: ['vendor', 'total', 'lines'],
  additionalProperties: false,
};

describe('jsonSchemaValidator', () => {
  const validator = jsonSchemaValidator({ schema: INVOICE });

  it('passes an answer that matches the schema', async () => {
    const text = '{"vendor": "ACME", "total": 41.5, "lines": [{"sku": "A-1", "quantity": 3}]}';
    assert.deepEqual(await validator.validate(answerInput(text), quietContext()), { pass: true, reason: 'the response matches the schema' });
  });

  it('fails with the failing paths in the reason', async () => {
    const verdict = await validator.validate(answerInput('{"vendor": "ACME", "total": -1, "lines": [{"sku": "A-1", "quantity": 2.5}]}'), quietContext());
    assert.equal(verdict.pass, false);
    assert.match(verdict.reason, /\/total must be >= 0/);
    assert.match(verdict.reason, /\/lines\/0\/quantity must be integer/);
  });

  it('uses the request json_schema response format when none is configured', async () => {
    const fromRequest = jsonSchemaValidator();
    const request = userRequest('Extract the invoice', { responseFormat: { type: 'json_schema', name: 'invoice', schema: INVOICE } });
    const good = { ...answerInput('{"vendor": "ACME", "total": 0, "lines": []}'), request };
    const bad = { ...answerInput('{"vendor": "ACME"}'), request };
    assert.equal((await fromRequest.validate(good, quietContext())).pass, true);
    assert.match((await fromRequest.validate(bad, quietContext())).reason, /must have required property 'total'/);
    assert.match((await fromRequest.validate(answerInput('{}'), quietContext())).reason, /no schema/);
  });

  it('rejects an invalid configured schema at creation', () => {
    assert.throws(
      () => jsonSchemaValidator({ schema: { type: 'object', properties: { a: { type: 'integr' } } } }),
      (error: unknown) => FrugalError.isInstance(error) && error.code === 'FRUGAL_INVALID_CONFIG' && /not a valid JSON Schema/.test(error.message),
    );
  });
});
