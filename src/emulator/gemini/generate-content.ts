import type { CanonicalRequest } from '../../protocols/canonical/request.ts';
import { geminiError } from '../../protocols/errors/gemini-error-body.ts';
import { isProtocolError } from '../../protocols/errors/protocol-error.ts';
import { decodeGeminiRequest } from '../../protocols/gemini/decode-request.ts';
import { encodeGeminiResponse } from '../../protocols/gemini/encode-response.ts';
import { GeminiStreamEncoder } from '../../protocols/gemini/stream-encoder.ts';
import { validateGeminiGenerateContentRequest } from '../../protocols/gemini/validate-request.ts';
import type { NormalizedUsage, UsageBuckets } from '../../usage/buckets.ts';
import { ENCODERS } from '../../usage/encode-usage.ts';
import { geminiCachePolicy } from '../cache/automatic-cache-policies.ts';
import { GEMINI_DELTAS } from '../answers/delta-grouping.ts';
import { answerToEvents, answerToResponse, type ResponseIdentity } from '../engine/answer-to-canonical.ts';
import type { EmulatorState } from '../engine/emulator-state.ts';
import { resolveModel } from '../engine/resolve-model.ts';
import { planChat } from '../engine/run-chat.ts';
import { GEMINI_EDGE } from '../http/provider-edge.ts';
import type { ChatEndpoint, Prepared } from '../http/serve-chat.ts';
import { JsonArrayStreamEncoder } from './json-array-stream-encoder.ts';

export function geminiInvalidJson() {
  return GEMINI_EDGE.error('invalid_request', 'Invalid JSON payload received. Unexpected token.');
}

/** Google's 404 for a model it does not serve, word for word as recorded, debug details included. */
export function geminiModelNotFound(model: string) {
  const message = `models/${model} is not found for API version v1beta, or is not supported for generateContent. Call ListModels to see the list of available models and their supported methods.`;
  const detail = `[ORIGINAL ERROR] generic::not_found: ${message} [google.rpc.error_details_ext] { message: ${JSON.stringify(message)} }`;
  return geminiError({ kind: 'not_found', message, details: [{ '@type': 'type.googleapis.com/google.rpc.DebugInfo', detail }] });
}

/** The three ways to call a Gemini model: whole, streamed as SSE (`alt=sse`), streamed as a JSON array. */
export type GeminiMethod = 'generate' | 'sse' | 'array';

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

/**
 * `turnToken` (generateContent answers since 2025) is, as recorded, "v1:" and the base64url of a
 * protobuf message holding the response id twice.
 */
export function turnToken(responseId: string): string {
  const id = Buffer.from(responseId);
  const field = (tag: number) => Buffer.concat([Buffer.from([tag, id.length]), id]);
  return `v1:${Buffer.concat([field(0x0a), field(0x12)]).toString('base64url')}`;
}

function identity(state: EmulatorState, request: CanonicalRequest, method: GeminiMethod): ResponseIdentity {
  const id = state.ids.next('', 23);
  const served: ResponseIdentity = { id, model: request.model, created: Math.floor(state.clock.now() / 1000), thinkingSignature: '', drawn: [id] };
  if (method === 'generate') {
    const token = turnToken(id);
    served.extensions = { gemini: { turnToken: token } };
    served.drawn.push(token);
  }
  return served;
}

function usageOf(buckets: UsageBuckets, streamEnd = false): NormalizedUsage {
  const raw: Record<string, unknown> = { ...ENCODERS.gemini(buckets) };
  // The last chunk of a stream also breaks the candidates down by modality.
  if (streamEnd && buckets.output > 0) raw.candidatesTokensDetails = [{ modality: 'TEXT', tokenCount: buckets.output }];
  return { format: 'gemini', buckets, raw };
}

const JSON_TYPE = 'application/json; charset=UTF-8';
const CONTENT_TYPES: Record<GeminiMethod, ChatEndpoint['contentTypes']> = {
  generate: { answer: JSON_TYPE, stream: JSON_TYPE, error: JSON_TYPE },
  // Errors on an SSE call keep the stream's content type (as recorded), with a plain JSON body.
  sse: { answer: JSON_TYPE, stream: 'text/event-stream', error: 'text/event-stream' },
  array: { answer: JSON_TYPE, stream: JSON_TYPE, error: JSON_TYPE },
};

/**
 * POST /v1beta/models/{model}:generateContent, and :streamGenerateContent as SSE (`alt=sse`) or,
 * as Google does without it, as a JSON array. Every chunk of a stream carries the usage known so
 * far (the prompt, and thoughts once thought), the last one the final usage.
 */
export function generateContentEndpoint(state: EmulatorState, model: string, method: GeminiMethod): ChatEndpoint {
  const toolCallId = () => state.ids.next('call_', 16);
  const endpoint: ChatEndpoint = {
    edge: GEMINI_EDGE,
    invalidJson: geminiInvalidJson,
    prepare: (body) => prepare(state, model, method !== 'generate', body),
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
    identity: (prepared) => identity(state, prepared.request, method),
    body: (_prepared, outcome, served) => encodeGeminiResponse(answerToResponse(outcome.answer, served, usageOf(outcome.buckets), false)).value,
    stream: (_prepared, outcome, served) => ({
      script: answerToEvents(outcome.answer, served, usageOf(outcome.buckets, true), GEMINI_DELTAS, usageOf({ ...outcome.buckets, output: 0 })),
      encoder: method === 'sse' ? new GeminiStreamEncoder() : new JsonArrayStreamEncoder(),
    }),
    contentTypes: CONTENT_TYPES[method],
  };
  if (method === 'sse') endpoint.streamHeaders = { 'content-disposition': 'attachment' };
  return endpoint;
}
