import { test } from 'node:test';
import assert from 'node:assert/strict';
import { geminiRecording } from '../test-support/fixtures.ts';
import { countTokensAsGenerateContent, encodeGeminiCountTokensResponse } from './count-tokens.ts';
import { geminiRequestPath } from './encode-request.ts';

test('the countTokens response reproduces the recorded body from its breakdown', () => {
  const recorded = geminiRecording('Client_Tests_countTokens_ML_Dev_should_count_tokens_with_specified_parameters.json');
  // one content: 10 part tokens + 1 role token = 11
  assert.deepEqual(encodeGeminiCountTokensResponse({ contents: [{ partTokens: [10], roleTokens: 1 }] }), recorded.responseSegments[0]);
});

test('a system instruction and cached tokens are counted and reported', () => {
  const response = encodeGeminiCountTokensResponse({ contents: [{ partTokens: [3, 4], roleTokens: 1 }], systemInstruction: { partTokens: [5] }, cachedTokens: 2 });
  // 3 + 4 + 1 (content) + 5 (system) = 13
  assert.equal(response.totalTokens, 13);
  assert.deepEqual(response.systemInstructionsTokens, { partTokens: [5] });
  assert.equal(response.cachedContentTokenCount, 2);
});

test('a countTokens body with a whole generateContentRequest counts that request without its model', () => {
  const generate = { model: 'models/gemini-2.5-flash', contents: [{ role: 'user', parts: [{ text: 'Hi' }] }], systemInstruction: { parts: [{ text: 'Be brief.' }] } };
  assert.deepEqual(countTokensAsGenerateContent({ generateContentRequest: generate }), {
    contents: generate.contents,
    systemInstruction: generate.systemInstruction,
  });
});

test('model and stream travel in the URL', () => {
  assert.equal(geminiRequestPath('gemini-2.5-flash', false), '/v1beta/models/gemini-2.5-flash:generateContent');
  assert.equal(geminiRequestPath('gemini-2.5-flash', true), '/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse');
});
