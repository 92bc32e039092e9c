import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { errorResponse } from '../errors/error-response.ts';
import { encodeOpenAIEmbeddingsResponse } from '../openai-embeddings/encode-response.ts';
import { parseSse } from '../sse/sse-parser.ts';
import { openAIRequest, openAIResponse } from '../test-support/arbitraries/openai-chat.ts';
import { anthropicRequest, anthropicResponse } from '../test-support/arbitraries/anthropic-messages.ts';
import { geminiRequest, geminiResponse } from '../test-support/arbitraries/gemini.ts';
import { OpenAPISchemas } from '../test-support/openapi-schema.ts';
import { responseToStreamEvents } from '../translate/response-to-events.ts';
import { encodeOpenAIChatRequest } from './encode-request.ts';
import { encodeOpenAIChatResponse } from './encode-response.ts';
import { OpenAIChatStreamEncoder } from './stream-encoder.ts';

// OpenAI's own OpenAPI spec (v2.3.0), parsed once for this file.
const spec = OpenAPISchemas.openAI();
const RUNS = { numRuns: 100 };

test('encoded requests, from canonical requests of every protocol, conform to CreateChatCompletionRequest', () => {
  const known = spec.properties('CreateChatCompletionRequest');
  fc.assert(
    fc.property(fc.oneof(openAIRequest, anthropicRequest, geminiRequest), (request) => {
      const body = encodeOpenAIChatRequest(request).value;
      assert.deepEqual(spec.check('CreateChatCompletionRequest', JSON.parse(JSON.stringify(body))), []);
      for (const key of Object.keys(body)) assert.ok(known.has(key), `${key} is not a field of the spec`);
    }),
    RUNS,
  );
});

test('encoded responses conform to CreateChatCompletionResponse', () => {
  fc.assert(
    fc.property(fc.oneof(openAIResponse, anthropicResponse, geminiResponse), (response) => {
      const body = JSON.parse(JSON.stringify(encodeOpenAIChatResponse(response).value));
      assert.deepEqual(spec.check('CreateChatCompletionResponse', body), []);
    }),
    RUNS,
  );
});

test('every encoded stream chunk conforms to CreateChatCompletionStreamResponse', () => {
  fc.assert(
    fc.property(fc.oneof(openAIResponse, anthropicResponse, geminiResponse), fc.integer({ min: 1, max: 8 }), (response, chunkSize) => {
      const encoder = new OpenAIChatStreamEncoder({ includeUsage: true });
      const text = responseToStreamEvents(response, { chunkSize }).map((event) => encoder.push(event)).join('');
      const events = parseSse(text);
      assert.equal(events.at(-1)?.data, '[DONE]');
      for (const event of events.slice(0, -1)) assert.deepEqual(spec.check('CreateChatCompletionStreamResponse', JSON.parse(event.data)), []);
    }),
    RUNS,
  );
});

test('embeddings responses and error bodies conform to the spec', () => {
  const embeddings = encodeOpenAIEmbeddingsResponse({ model: 'text-embedding-3-small', vectors: [[0.1, 0.2]], promptTokens: 3 });
  assert.deepEqual(spec.check('CreateEmbeddingResponse', embeddings), []);
  for (const status of [400, 401, 404, 429, 500, 503]) {
    assert.deepEqual(spec.check('ErrorResponse', errorResponse('openai-chat', { status }).body), []);
  }
});
