import { test } from 'node:test';
import assert from 'node:assert/strict';
import { anthropicToolRunnerRecordings } from '../test-support/fixtures.ts';
import { assertSameShape } from '../test-support/shape.ts';
import { decodeAnthropicMessagesRequest } from './decode-request.ts';
import { decodeAnthropicMessagesResponse } from './decode-response.ts';
import { encodeAnthropicMessagesRequest } from './encode-request.ts';
import { encodeAnthropicMessagesResponse } from './encode-response.ts';
import type { AnthropicMessagesRequest, AnthropicMessagesResponse } from './wire-types.ts';

const recordings = anthropicToolRunnerRecordings();

test('recorded responses decode and re-encode to the same body (stop_details aside)', () => {
  for (const { response } of recordings) {
    const decoded = decodeAnthropicMessagesResponse(response as unknown as AnthropicMessagesResponse);
    assert.deepEqual(decoded.dropped, []);
    const encoded = encodeAnthropicMessagesResponse(decoded.value);
    assert.deepEqual(encoded.dropped, []);
    const { stop_details: stopDetails, ...body } = encoded.value;
    assert.equal(stopDetails, null);
    assert.deepEqual(body, response);
  }
});

test('recorded requests decode to canonical tool calls and results and re-encode to the same conversation', () => {
  const body = recordings[3]?.body as unknown as AnthropicMessagesRequest;
  const canonical = decodeAnthropicMessagesRequest(body).value;
  assert.deepEqual(
    canonical.messages.map((message) => message.role),
    ['user', 'assistant', 'tool'],
  );
  const tool = canonical.messages[2];
  assert.equal(tool?.role === 'tool' && tool.content.length, 2);
  const encoded = encodeAnthropicMessagesRequest(canonical).value;
  assert.deepEqual(encoded.messages, body.messages);
  // tools keep their schema; the explicit type "custom" is the default and is not written back
  assert.deepEqual(encoded.tools, (body.tools ?? []).map(({ type: _type, ...tool }) => tool));
});

test('a response of a non-Anthropic canonical shape still has every field of a recorded one', () => {
  const decoded = decodeAnthropicMessagesResponse(recordings[0]?.response as unknown as AnthropicMessagesResponse).value;
  const encoded = encodeAnthropicMessagesResponse({ ...decoded, usage: { ...decoded.usage!, format: 'openai' } }).value;
  assertSameShape(encoded, recordings[0]?.response, ['stop_details']);
});
