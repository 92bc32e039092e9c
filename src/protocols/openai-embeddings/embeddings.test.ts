import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Buffer } from 'node:buffer';
import { isProtocolError } from '../errors/protocol-error.ts';
import { base64Float32, encodeOpenAIEmbeddingsResponse } from './encode-response.ts';
import { embeddingInputs, validateOpenAIEmbeddingsRequest } from './validate-request.ts';

test('string, strings, token array and token arrays are valid inputs, listed one by one', () => {
  const cases: Array<[unknown, Array<string | number[]>]> = [
    ['hello', ['hello']],
    [['a', 'b'], ['a', 'b']],
    [[1, 2, 3], [[1, 2, 3]]],
    [[[1], [2, 3]], [[1], [2, 3]]],
  ];
  for (const [input, expected] of cases) {
    assert.deepEqual(embeddingInputs(validateOpenAIEmbeddingsRequest({ model: 'text-embedding-3-small', input })), expected);
  }
});

test('empty input and unknown fields are rejected with OpenAI bodies', () => {
  const bodyOf = (request: unknown) => {
    try {
      validateOpenAIEmbeddingsRequest(request);
    } catch (error) {
      assert.ok(isProtocolError(error));
      assert.equal(error.details.protocol, 'openai-embeddings');
      return error.details.body;
    }
    assert.fail('expected a rejection');
  };
  assert.deepEqual(bodyOf({ model: 'm', input: '' }), {
    error: { message: "'$.input' is invalid. Please check the API reference: https://platform.openai.com/docs/api-reference.", type: 'invalid_request_error', param: 'input', code: null },
  });
  assert.deepEqual(bodyOf({ model: 'm', input: 'x', dimensions: 0 }), {
    error: { message: "Invalid 'dimensions': integer below minimum value. Expected a value >= 1, but got 0 instead.", type: 'invalid_request_error', param: 'dimensions', code: 'integer_below_min_value' },
  });
  assert.equal((bodyOf({ model: 'm', input: 'x', foo: 1 }) as { error: { message: string } }).error.message, 'Unrecognized request argument supplied: foo');
});

test('responses list one embedding per input; base64 is little-endian float32', () => {
  const response = encodeOpenAIEmbeddingsResponse({ model: 'text-embedding-3-small', vectors: [[0.5, -1], [2, 0]], promptTokens: 7 });
  assert.deepEqual(response, {
    object: 'list',
    data: [
      { object: 'embedding', index: 0, embedding: [0.5, -1] },
      { object: 'embedding', index: 1, embedding: [2, 0] },
    ],
    model: 'text-embedding-3-small',
    usage: { prompt_tokens: 7, total_tokens: 7 },
  });
  const encoded = base64Float32([0.5, -1]);
  const bytes = Buffer.from(encoded, 'base64');
  assert.deepEqual([bytes.readFloatLE(0), bytes.readFloatLE(4)], [0.5, -1]);
  // 0.5 = 0x3F000000 → little-endian bytes 00 00 00 3F
  assert.deepEqual([...bytes.subarray(0, 4)], [0, 0, 0, 0x3f]);
});
