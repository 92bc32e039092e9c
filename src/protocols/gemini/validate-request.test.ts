import { test } from 'node:test';
import assert from 'node:assert/strict';
import { geminiRecording } from '../test-support/fixtures.ts';
import { rejection } from '../test-support/rejection.ts';
import { countTokensAsGenerateContent } from './count-tokens.ts';
import { validateGeminiCountTokensRequest, validateGeminiGenerateContentRequest } from './validate-request.ts';

test('the recorded generateContent request bodies are accepted', () => {
  for (const file of [
    'Client_Tests_generateContent_ML_Dev_should_generate_content_with_specified_parameters.json',
    'Client_Tests_test_thinking_generate_content_should_return_thought_field.json',
    'Chats_Tests_sendMessage_Google_AI_with_config_stream.json',
  ]) {
    const { requestBody } = geminiRecording(file);
    assert.deepEqual(validateGeminiGenerateContentRequest(requestBody), requestBody);
  }
});

test('the recorded countTokens body is accepted and counts the same contents', () => {
  const { requestBody } = geminiRecording('Client_Tests_countTokens_ML_Dev_should_count_tokens_with_specified_parameters.json');
  const request = validateGeminiCountTokensRequest(requestBody);
  assert.deepEqual(countTokensAsGenerateContent(request).contents, (requestBody as { contents: unknown }).contents);
});

test('proto snake_case field names are accepted and normalized to camelCase', () => {
  const request = validateGeminiGenerateContentRequest({
    system_instruction: { parts: [{ text: 'Be brief.' }] },
    contents: [{ role: 'user', parts: [{ inline_data: { mime_type: 'image/png', data: 'AAAA' } }, { text: 'What is it?' }] }],
    generation_config: { max_output_tokens: 50, thinking_config: { thinking_budget: 0 }, response_mime_type: 'application/json' },
    tool_config: { function_calling_config: { mode: 'ANY', allowed_function_names: ['look'] } },
  });
  assert.deepEqual(request, {
    systemInstruction: { parts: [{ text: 'Be brief.' }] },
    contents: [{ role: 'user', parts: [{ inlineData: { mimeType: 'image/png', data: 'AAAA' } }, { text: 'What is it?' }] }],
    generationConfig: { maxOutputTokens: 50, thinkingConfig: { thinkingBudget: 0 }, responseMimeType: 'application/json' },
    toolConfig: { functionCallingConfig: { mode: 'ANY', allowedFunctionNames: ['look'] } },
  });
});

test('errors are 400 INVALID_ARGUMENT bodies worded like Google\'s', () => {
  assert.deepEqual(rejection(() => validateGeminiGenerateContentRequest({})), {
    status: 400,
    code: 'FRUGAL_INVALID_REQUEST',
    body: { error: { code: 400, message: '* GenerateContentRequest.contents: contents is not specified\n', status: 'INVALID_ARGUMENT' } },
  });
  const message = (body: unknown) => (rejection(() => validateGeminiGenerateContentRequest(body)).body as { error: { message: string } }).error.message;
  const contents = [{ role: 'user', parts: [{ text: 'Hi' }] }];
  assert.equal(message({ contents, foo: 1 }), 'Invalid JSON payload received. Unknown name "foo": Cannot find field.');
  assert.equal(message({ contents, generationConfig: { bogus: 1 } }), 'Invalid JSON payload received. Unknown name "bogus" at \'generation_config\': Cannot find field.');
  assert.equal(message({ contents, generationConfig: { temperature: 'hot' } }), 'Invalid value at \'generation_config.temperature\' (TYPE_FLOAT), "hot"');
  assert.equal(message({ contents: [{ role: 'assistant', parts: [{ text: 'x' }] }] }), 'Please use a valid role: user, model.');
  assert.equal(
    message({ contents: [{ role: 'user', parts: [{}] }] }),
    "* GenerateContentRequest.contents[0].parts[0].data: required oneof field 'data' must have one initialized field\n",
  );
  assert.equal(
    message({ contents, generationConfig: { temperature: 3 } }),
    '* GenerateContentRequest.generation_config.temperature: temperature must be less than or equal to 2\n',
  );
});
