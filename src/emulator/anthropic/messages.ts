import type { CanonicalRequest } from '../../protocols/canonical/request.ts';
import { decodeAnthropicMessagesRequest } from '../../protocols/anthropic-messages/decode-request.ts';
import { encodeAnthropicMessagesResponse } from '../../protocols/anthropic-messages/encode-response.ts';
import { AnthropicStreamEncoder } from '../../protocols/anthropic-messages/stream-encoder.ts';
import { validateAnthropicMessagesRequest } from '../../protocols/anthropic-messages/validate-request.ts';
import { isProtocolError } from '../../protocols/errors/protocol-error.ts';
import type { NormalizedUsage, UsageBuckets } from '../../usage/buckets.ts';
import { encodeAnthropicUsage } from '../../usage/shapes/anthropic.ts';
import { ANTHROPIC_DELTAS } from '../answers/delta-grouping.ts';
import type { EmulatedAnswer } from '../answers/emulated-answer.ts';
import { answerToEvents, answerToResponse, type ResponseIdentity } from '../engine/answer-to-canonical.ts';
import type { EmulatorState } from '../engine/emulator-state.ts';
import { resolveModel } from '../engine/resolve-model.ts';
import { planChat, type ChatOutcome } from '../engine/run-chat.ts';
import { ANTHROPIC_EDGE } from '../http/provider-edge.ts';
import type { ChatEndpoint, Prepared } from '../http/serve-chat.ts';

/** Anthropic's answer to a body that is not JSON. */
export function anthropicInvalidJson() {
  return ANTHROPIC_EDGE.error('invalid_request', 'There was an error parsing the body of your request. The body must be valid JSON.');
}

export function anthropicModelNotFound(model: string) {
  return ANTHROPIC_EDGE.error('not_found', `model: ${model}`);
}

/** When a model's catalog entry gives no minimum, Anthropic's most common one. */
const DEFAULT_MINIMUM_CACHEABLE_TOKENS = 1024;

function prepare(state: EmulatorState, body: unknown): Prepared {
  let request: CanonicalRequest;
  try {
    request = decodeAnthropicMessagesRequest(validateAnthropicMessagesRequest(body)).value;
  } catch (error) {
    if (isProtocolError(error)) return { ok: false, status: error.details.status, body: error.details.body };
    throw error;
  }
  const entry = resolveModel(state, 'anthropic', request.model, ['chat']);
  if (entry === undefined) return { ok: false, ...anthropicModelNotFound(request.model) };
  return { ok: true, request, body, entry };
}

/** A thinking block's signature is drawn only when the answer has one. */
function identity(state: EmulatorState, request: CanonicalRequest, answer: EmulatedAnswer): ResponseIdentity {
  const id = state.ids.next('msg_01', 22);
  const served: ResponseIdentity = { id, model: request.model, created: Math.floor(state.clock.now() / 1000), thinkingSignature: '', drawn: [id] };
  if (answer.choices.some((choice) => choice.thinkingPieces.length > 0)) {
    served.thinkingSignature = Buffer.from(state.ids.next('sig_', 48)).toString('base64');
    served.drawn.push(served.thinkingSignature);
  }
  return served;
}

/** The API's usage object; since 2026 it also names where inference ran. */
function anthropicUsage(buckets: UsageBuckets): NormalizedUsage {
  return { format: 'anthropic', buckets, raw: { ...encodeAnthropicUsage(buckets), inference_geo: 'global' } };
}

function usageOf(outcome: ChatOutcome): NormalizedUsage {
  return anthropicUsage(outcome.buckets);
}

/** message_start carries the prompt usage and the first output token, as the API sends it. */
function startUsage(outcome: ChatOutcome): NormalizedUsage {
  return anthropicUsage({ ...outcome.buckets, output: 1, reasoning: 0 });
}

/** POST /v1/messages */
export function messagesEndpoint(state: EmulatorState): ChatEndpoint {
  const toolCallId = () => state.ids.next('toolu_01', 22);
  return {
    edge: ANTHROPIC_EDGE,
    invalidJson: anthropicInvalidJson,
    prepare: (body) => prepare(state, body),
    plan: (prepared) => {
      const breakpoint = prepared.request.cache?.breakpoint;
      return planChat(state, {
        request: prepared.request,
        body: prepared.body,
        protocol: 'anthropic',
        entry: prepared.entry,
        cache: {
          kind: 'explicit',
          minimumTokens: prepared.entry.promptCacheMinTokens ?? DEFAULT_MINIMUM_CACHEABLE_TOKENS,
          ...(breakpoint === undefined ? {} : { automaticBreakpoint: breakpoint }),
        },
        reasoningDefault: 'off',
        thinkingShownByDefault: true,
        toolCallId,
      });
    },
    identity: (prepared, outcome) => identity(state, prepared.request, outcome.answer),
    body: (_prepared, outcome, served) => encodeAnthropicMessagesResponse(answerToResponse(outcome.answer, served, usageOf(outcome))).value,
    stream: (_prepared, outcome, served) => ({
      script: answerToEvents(outcome.answer, served, usageOf(outcome), ANTHROPIC_DELTAS, startUsage(outcome)),
      encoder: new AnthropicStreamEncoder(),
    }),
    contentTypes: { answer: 'application/json', stream: 'text/event-stream; charset=utf-8', error: 'application/json' },
  };
}
