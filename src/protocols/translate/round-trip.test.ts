import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Protocol } from '../canonical/protocol.ts';
import type { CanonicalRequest } from '../canonical/request.ts';
import type { CanonicalResponse } from '../canonical/response.ts';
import { openAIRequest, openAIResponse } from '../test-support/arbitraries/openai-chat.ts';
import { anthropicRequest, anthropicResponse } from '../test-support/arbitraries/anthropic-messages.ts';
import { geminiRequest, geminiResponse } from '../test-support/arbitraries/gemini.ts';
import { decodeRequest, decodeResponse, encodeRequest, encodeResponse, validateRequest } from './codecs.ts';

const RUNS = { numRuns: 200 };

/** Canonical values are JSON data: compare as JSON (generated records have null prototypes). */
function plain<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

function requestRoundTrip(protocol: Protocol, request: CanonicalRequest): void {
  const encoded = encodeRequest(protocol, request);
  assert.deepEqual(encoded.dropped, [], 'nothing the protocol shares is dropped');
  const wire: unknown = JSON.parse(JSON.stringify(encoded.value));
  const decoded = decodeRequest(protocol, wire, { geminiTarget: { model: request.model, stream: request.stream } });
  assert.deepEqual(decoded.dropped, []);
  assert.deepEqual(decoded.value, plain(request));
}

function responseRoundTrip(protocol: Protocol, response: CanonicalResponse): void {
  const encoded = encodeResponse(protocol, response);
  assert.deepEqual(encoded.dropped, []);
  const decoded = decodeResponse(protocol, JSON.parse(JSON.stringify(encoded.value)));
  assert.deepEqual(decoded.value, plain(response));
}

test('property: canonical request → OpenAI Chat Completions → canonical is lossless', () => {
  fc.assert(fc.property(openAIRequest, (request) => requestRoundTrip('openai-chat', request)), RUNS);
});

test('property: canonical request → Anthropic Messages → canonical is lossless', () => {
  fc.assert(fc.property(anthropicRequest, (request) => requestRoundTrip('anthropic-messages', request)), RUNS);
});

test('property: canonical request → Gemini generateContent → canonical is lossless', () => {
  fc.assert(fc.property(geminiRequest, (request) => requestRoundTrip('gemini', request)), RUNS);
});

test('property: canonical response → OpenAI → canonical is lossless (usage included)', () => {
  fc.assert(fc.property(openAIResponse, (response) => responseRoundTrip('openai-chat', response)), RUNS);
});

test('property: canonical response → Anthropic → canonical is lossless (usage included)', () => {
  fc.assert(fc.property(anthropicResponse, (response) => responseRoundTrip('anthropic-messages', response)), RUNS);
});

test('property: canonical response → Gemini → canonical is lossless (usage included)', () => {
  fc.assert(fc.property(geminiResponse, (response) => responseRoundTrip('gemini', response)), RUNS);
});

/**
 * What each provider requires beyond the shared fields: a user turn, tool_choice only with
 * tools, stream_options only when streaming, no empty texts.
 */
function acceptable(request: CanonicalRequest): boolean {
  if (request.toolChoice !== undefined && (request.tools === undefined || request.tools.length === 0)) return false;
  if (request.streamIncludeUsage !== undefined && !request.stream) return false;
  if (!request.messages.some((message) => message.role === 'user')) return false;
  return request.messages.every((message) => message.content.length > 0 && message.content.every((part) => part.type !== 'text' || part.text !== ''));
}

test('property: every encoder writes bodies its protocol accepts, from requests of any protocol', () => {
  const any = fc.oneof(openAIRequest, anthropicRequest, geminiRequest).filter(acceptable);
  fc.assert(
    fc.property(any, fc.constantFrom<Protocol>('openai-chat', 'anthropic-messages', 'gemini'), (request, protocol) => {
      const body = JSON.parse(JSON.stringify(encodeRequest(protocol, request).value));
      assert.doesNotThrow(() => validateRequest(protocol, body), `${protocol}: ${JSON.stringify(body)}`);
    }),
    RUNS,
  );
});
