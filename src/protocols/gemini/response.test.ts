import { test } from 'node:test';
import assert from 'node:assert/strict';
import { geminiRecording } from '../test-support/fixtures.ts';
import { assertSameShape } from '../test-support/shape.ts';
import { decodeGeminiRequest } from './decode-request.ts';
import { decodeGeminiResponse } from './decode-response.ts';
import { encodeGeminiRequest } from './encode-request.ts';
import { encodeGeminiResponse } from './encode-response.ts';
import type { GeminiGenerateContentRequest, GeminiGenerateContentResponse } from './wire-types.ts';

const generate = geminiRecording('Client_Tests_generateContent_ML_Dev_should_generate_content_with_specified_parameters.json');
const thinking = geminiRecording('Client_Tests_test_thinking_generate_content_should_return_thought_field.json');
const emptyAnswer = geminiRecording('Client_Tests_generateContent_ML_Dev_should_return_the_headers_in_the_sdkHttpResponse_by_default.json');

test('the recorded thinking-budget request decodes to canonical reasoning and output cap, and back', () => {
  const canonical = decodeGeminiRequest(generate.requestBody as GeminiGenerateContentRequest, { model: 'gemini-2.5-flash', stream: false }).value;
  assert.deepEqual(canonical.reasoning, { enabled: true, budgetTokens: 50 });
  assert.equal(canonical.maxOutputTokens, 200);
  assert.equal(canonical.candidateCount, 1);
  assert.deepEqual(encodeGeminiRequest(canonical).value, generate.requestBody);
});

test('recorded responses: thoughtsTokenCount is reasoning outside candidatesTokenCount', () => {
  const decoded = decodeGeminiResponse(generate.responseSegments[0] as GeminiGenerateContentResponse).value;
  assert.equal(decoded.choices[0]?.stopReason, 'max_tokens');
  // promptTokenCount 7 → input 7; candidatesTokenCount 149 → output 149; thoughtsTokenCount 48 → reasoning 48 (total 204)
  assert.deepEqual(decoded.usage?.buckets, { input: 7, cacheRead: 0, cacheWrite5m: 0, cacheWrite1h: 0, output: 149, reasoning: 48 });
  const thought = decodeGeminiResponse(thinking.responseSegments[0] as GeminiGenerateContentResponse).value;
  assert.equal(thought.choices[0]?.content[0]?.type, 'thinking');
});

test('recorded responses re-encode to the same body, and their shape survives any canonical source', () => {
  for (const recording of [generate, thinking, emptyAnswer]) {
    const body = recording.responseSegments[0] as GeminiGenerateContentResponse;
    const decoded = decodeGeminiResponse(body);
    assert.deepEqual(encodeGeminiResponse(decoded.value).value, body);
    const fromElsewhere = encodeGeminiResponse({ ...decoded.value, usage: { ...decoded.value.usage!, format: 'anthropic' }, extensions: {} }).value;
    assertSameShape(fromElsewhere, body, ['turnToken']);
  }
});

test('a response whose prompt was blocked becomes one content_filter choice', () => {
  const decoded = decodeGeminiResponse({ promptFeedback: { blockReason: 'SAFETY' }, usageMetadata: { promptTokenCount: 5, totalTokenCount: 5 } }).value;
  assert.deepEqual(decoded.choices, [{ index: 0, content: [], stopReason: 'content_filter' }]);
});
