import { test } from 'node:test';
import assert from 'node:assert/strict';
import { anthropicToolRunnerRecordings, geminiRecording, snapshotEntries } from '../test-support/fixtures.ts';
import { validateRequest } from './codecs.ts';
import { translateRequest, translateResponse } from './translate.ts';

const openAIRequest = {
  model: 'gpt-4o',
  messages: [
    { role: 'system', content: 'Be brief.' },
    { role: 'user', content: 'Weather in Paris?' },
    { role: 'assistant', content: null, tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } }] },
    { role: 'tool', tool_call_id: 'call_1', content: '18°C' },
  ],
  tools: [{ type: 'function', function: { name: 'get_weather', parameters: { type: 'object', properties: { city: { type: 'string' } } } } }],
  tool_choice: 'auto',
  n: 2,
  logprobs: true,
  temperature: 1.4,
  max_completion_tokens: 300,
  prompt_cache_key: 'tenant-1',
  user: 'user-9',
  stream: true,
  stream_options: { include_usage: true },
};

test('OpenAI → Anthropic: what cannot be carried (n > 1, logprobs, prompt_cache_key, temperature above 1) is reported', () => {
  const { value, dropped } = translateRequest(validateRequest('openai-chat', openAIRequest), 'openai-chat', 'anthropic-messages');
  assert.deepEqual(dropped.sort(), ['cache.key', 'candidateCount', 'extensions.openai-chat.logprobs', 'temperature']);
  assert.doesNotThrow(() => validateRequest('anthropic-messages', value));
  const body = value as Record<string, unknown>;
  assert.equal(body['system'], 'Be brief.');
  assert.equal(body['max_tokens'], 300);
  assert.equal(body['temperature'], 1);
  assert.deepEqual(body['metadata'], { user_id: 'user-9' });
  assert.deepEqual((body['messages'] as unknown[]).slice(1), [
    { role: 'assistant', content: [{ type: 'tool_use', id: 'call_1', name: 'get_weather', input: { city: 'Paris' } }] },
    { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'call_1', content: '18°C' }] },
  ]);
});

test('OpenAI → Gemini: the tool result gets its function name from the call, n becomes candidateCount', () => {
  const { value, dropped } = translateRequest(validateRequest('openai-chat', openAIRequest), 'openai-chat', 'gemini');
  assert.deepEqual(dropped.sort(), ['cache.key', 'extensions.openai-chat.logprobs', 'user']);
  assert.doesNotThrow(() => validateRequest('gemini', value));
  const body = value as { contents: Array<{ parts: unknown[] }>; generationConfig: Record<string, unknown> };
  assert.deepEqual(body.contents[2]?.parts, [{ functionResponse: { name: 'get_weather', response: { content: '18°C' }, id: 'call_1' } }]);
  assert.equal(body.generationConfig['candidateCount'], 2);
});

test('the recorded Anthropic ToolRunner conversations translate to valid OpenAI and Gemini requests', () => {
  for (const { body } of anthropicToolRunnerRecordings()) {
    const request = validateRequest('anthropic-messages', body);
    for (const target of ['openai-chat', 'gemini'] as const) {
      const { value } = translateRequest(request, 'anthropic-messages', target);
      assert.doesNotThrow(() => validateRequest(target, JSON.parse(JSON.stringify(value))));
    }
  }
});

test('the recorded Gemini thinking request translates to Anthropic thinking and OpenAI effort', () => {
  const { requestBody } = geminiRecording('Client_Tests_generateContent_ML_Dev_should_generate_content_with_specified_parameters.json');
  const from = { geminiTarget: { model: 'gemini-2.5-flash', stream: false } };
  const anthropic = translateRequest(requestBody, 'gemini', 'anthropic-messages', { from });
  // Anthropic budgets start at 1,024 and must stay below max_tokens (200): thinking cannot fit, so it is off and reported
  assert.deepEqual((anthropic.value as { thinking: unknown }).thinking, { type: 'disabled' });
  assert.deepEqual(anthropic.dropped, ['reasoning.budgetTokens']);
  const openai = translateRequest(requestBody, 'gemini', 'openai-chat', { from });
  // a 50-token budget is the smallest effort, "minimal" (budget ≤ 512)
  assert.equal((openai.value as { reasoning_effort: string }).reasoning_effort, 'minimal');
  assert.deepEqual(openai.dropped, ['reasoning.budgetTokens']);
});

test('responses translate with usage re-expressed: OpenAI inclusive counts become Anthropic exclusive ones', () => {
  const response = JSON.parse(snapshotEntries('openai/parser.test.ts.snap').values().next().value as string);
  response.usage = { prompt_tokens: 1200, completion_tokens: 300, total_tokens: 1500, prompt_tokens_details: { cached_tokens: 1024 }, completion_tokens_details: { reasoning_tokens: 200 } };
  const { value, dropped } = translateResponse(response, 'openai-chat', 'anthropic-messages');
  assert.deepEqual(dropped, ['extensions.openai-chat.system_fingerprint']);
  // prompt 1200 − cached 1024 = 176 uncached; completion 300 includes reasoning 200 (thinking_tokens)
  assert.deepEqual((value as { usage: unknown }).usage, {
    input_tokens: 176,
    cache_creation_input_tokens: 0,
    cache_read_input_tokens: 1024,
    cache_creation: { ephemeral_5m_input_tokens: 0, ephemeral_1h_input_tokens: 0 },
    output_tokens: 300,
    service_tier: 'standard',
    output_tokens_details: { thinking_tokens: 200 },
  });
  const gemini = translateResponse(response, 'openai-chat', 'gemini').value as { usageMetadata: Record<string, unknown> };
  // Gemini: prompt 1200 incl. cached 1024; candidates 100 visible; thoughts 200 outside candidates; total 1500
  assert.deepEqual(
    [gemini.usageMetadata['promptTokenCount'], gemini.usageMetadata['cachedContentTokenCount'], gemini.usageMetadata['candidatesTokenCount'], gemini.usageMetadata['thoughtsTokenCount'], gemini.usageMetadata['totalTokenCount']],
    [1200, 1024, 100, 200, 1500],
  );
});

test('Anthropic cache writes are reported when the target has no field for them', () => {
  const response = {
    id: 'msg_1',
    type: 'message',
    role: 'assistant',
    model: 'claude-opus-4-8',
    content: [{ type: 'text', text: 'Hi' }],
    stop_reason: 'end_turn',
    stop_sequence: null,
    usage: { input_tokens: 10, cache_creation_input_tokens: 2048, cache_read_input_tokens: 0, cache_creation: { ephemeral_5m_input_tokens: 0, ephemeral_1h_input_tokens: 2048 }, output_tokens: 5 },
  };
  const { value, dropped } = translateResponse(response, 'anthropic-messages', 'openai-chat');
  assert.deepEqual(dropped, ['usage.buckets.cacheWrite1h']);
  // OpenAI bills cache writes as input: prompt_tokens = 10 + 2048
  assert.equal((value as { usage: { prompt_tokens: number } }).usage.prompt_tokens, 2058);
});
