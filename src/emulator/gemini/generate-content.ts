import type { CanonicalRequest } from '../../protocols/canonical/request.ts';
import { isProtocolError } from '../../protocols/errors/protocol-error.ts';
import { decodeGeminiRequest } from '../../protocols/gemini/decode-request.ts';
import { encodeGeminiResponse } from '../../protocols/gemini/encode-response.ts';
import { GeminiStreamEncoder } from '../../protocols/gemini/stream-encoder.ts';
import { validateGeminiGenerateContentRequest } from '../../protocols/gemini/validate-request.ts';
import type { NormalizedUsage } from '../../usage/buckets.ts';
import { ENCODERS } from '../../usage/encode-usage.ts';
import { geminiCachePolicy } from '../cache/automatic-cache-policies.ts';
import { answerToEvents, answerToResponse, type ResponseIdentity } from '../engine/answer-to-canonical.ts';
import type { EmulatorState } from '../engine/emulator-state.ts';
import { resolveModel } from '../engine/resolve-model.ts';
import { planChat, type ChatOutcome } from '../engine/run-chat.ts';
import { GEMINI_EDGE } from '../http/provider-edge.ts';
import type { ChatEndpoint, Prepared } from '../http/serve-chat.ts';

export function geminiInvalidJson() {
  return GEMINI_EDGE.error('invalid_request', 'Invalid JSON payload received. Unexpected token.');
}

/** Google's 404 for a model it does not serve, word for word as recorded. */
export function geminiModelNotFound(model: string) {
  return GEMINI_EDGE.error(
    'not_found',
    `models/${model} is not found for API version v1beta, or is not supported for generateContent. Call ListModels to see the list of available models and their supported methods.`,
  );
}

function prepare(state: EmulatorState, model: string, stream: boolean, body: unknown): Prepared {
  let request: CanonicalRequest;
  try {
    request = decodeGeminiRequest(validateGeminiGenerateContentRequest(body), { model, stream }).value;
  } catch (error) {
    if (isProtocolError(error)) return { ok: false, status: error.details.status, body: error.details.body };
    throw error;
  }
  const entry = resolveModel(state, 'gemini', model, ['chat']);
  if (entry === undefined) return { ok: false, ...geminiModelNotFound(model) };
  return { ok: true, request, body, entry };
}

function identity(state: EmulatorState, request: CanonicalRequest): ResponseIdentity {
  return { id: state.ids.next('', 23), model: request.model, created: Math.floor(state.clock.now() / 1000), thinkingSignature: '' };
}

function usageOf(outcome: ChatOutcome): NormalizedUsage {
  return { format: 'gemini', buckets: outcome.buckets, raw: ENCODERS.gemini(outcome.buckets) };
}

/** POST /v1beta/models/{model}:generateContent and :streamGenerateContent?alt=sse. */
export function generateContentEndpoint(state: EmulatorState, model: string, stream: boolean): ChatEndpoint {
  const toolCallId = () => state.ids.next('call_', 16);
  return {
    edge: GEMINI_EDGE,
    invalidJson: geminiInvalidJson,
    prepare: (body) => prepare(state, model, stream, body),
    plan: (prepared) =>
      planChat(state, {
        request: prepared.request,
        body: prepared.body,
        protocol: 'gemini',
        entry: prepared.entry,
        cache: { kind: 'automatic', policy: geminiCachePolicy(prepared.entry.promptCacheMinTokens) },
        reasoningDefault: 'on',
        thinkingShownByDefault: false,
        toolCallId,
      }),
    body: (prepared, outcome) => encodeGeminiResponse(answerToResponse(outcome.answer, identity(state, prepared.request), usageOf(outcome))).value,
    stream: (prepared, outcome) => ({
      events: answerToEvents(outcome.answer, identity(state, prepared.request), usageOf(outcome)),
      encoder: new GeminiStreamEncoder(),
    }),
    streamContentType: 'text/event-stream',
  };
}
