import type { CanonicalRequest } from '../../protocols/canonical/request.ts';
import { isProtocolError } from '../../protocols/errors/protocol-error.ts';
import { decodeOpenAIChatRequest } from '../../protocols/openai-chat/decode-request.ts';
import { encodeOpenAIChatResponse } from '../../protocols/openai-chat/encode-response.ts';
import { OpenAIChatStreamEncoder } from '../../protocols/openai-chat/stream-encoder.ts';
import { validateOpenAIChatRequest } from '../../protocols/openai-chat/validate-request.ts';
import type { NormalizedUsage } from '../../usage/buckets.ts';
import { ENCODERS } from '../../usage/encode-usage.ts';
import { OPENAI_DELTAS } from '../answers/delta-grouping.ts';
import { answerToEvents, answerToResponse, type ResponseIdentity } from '../engine/answer-to-canonical.ts';
import type { EmulatorState } from '../engine/emulator-state.ts';
import { resolveModel } from '../engine/resolve-model.ts';
import { planChat, type ChatOutcome } from '../engine/run-chat.ts';
import { OPENAI_EDGE } from '../http/provider-edge.ts';
import type { ChatEndpoint, Prepared } from '../http/serve-chat.ts';
import type { OpenAIHost } from './openai-host.ts';

/** OpenAI's answer to a body that is not JSON. */
export function openAIInvalidJson() {
  return OPENAI_EDGE.error(
    'invalid_request',
    "We could not parse the JSON body of your request. (HINT: This likely means you aren't using your HTTP library correctly. The OpenAI API expects a JSON payload, but what was sent was not valid JSON. If you have trouble figuring out how to fix this, please contact us through our help center at help.openai.com.)",
  );
}

/** OpenAI's 404 for a model it does not serve. */
export function openAIModelNotFound(model: string) {
  return OPENAI_EDGE.error('not_found', `The model \`${model}\` does not exist or you do not have access to it.`, { code: 'model_not_found' });
}

function prepare(state: EmulatorState, host: OpenAIHost, body: unknown): Prepared {
  let request: CanonicalRequest;
  try {
    request = decodeOpenAIChatRequest(validateOpenAIChatRequest(body, { unknownFields: host.unknownFields })).value;
  } catch (error) {
    if (isProtocolError(error)) return { ok: false, status: error.details.status, body: error.details.body };
    throw error;
  }
  const entry = resolveModel(state, host.provider, request.model, ['chat', 'responses']);
  if (entry === undefined) return { ok: false, ...openAIModelNotFound(request.model) };
  return { ok: true, request, body, entry };
}

/** OpenAI echoes the tier it used: `default` unless flex, priority or scale was asked for. */
function servedTier(request: CanonicalRequest): string {
  const tier = request.serviceTier;
  return tier === 'flex' || tier === 'priority' || tier === 'scale' ? tier : 'default';
}

const FINGERPRINT = 'fp_e0f1a2b3c4';

const EXTENSIONS = { 'openai-chat': { system_fingerprint: FINGERPRINT } };

function identity(state: EmulatorState, request: CanonicalRequest, host: OpenAIHost): ResponseIdentity {
  const id = state.ids.next('chatcmpl-', 29);
  const served: ResponseIdentity = {
    id,
    model: request.model,
    created: Math.floor(state.clock.now() / 1000),
    thinkingSignature: '',
    extensions: EXTENSIONS,
    drawn: [id],
  };
  if (host.provider === 'openai') served.serviceTier = servedTier(request);
  return served;
}

function usageOf(host: OpenAIHost, outcome: ChatOutcome): NormalizedUsage {
  const format = host.dialect.usageFormat;
  return { format, buckets: outcome.buckets, raw: ENCODERS[format](outcome.buckets) };
}

/** Chat Completions on api.openai.com or an OpenAI-compatible host. */
export function chatCompletionsEndpoint(state: EmulatorState, host: OpenAIHost): ChatEndpoint {
  const toolCallId = () => state.ids.next('call_', 24);
  return {
    edge: OPENAI_EDGE,
    invalidJson: openAIInvalidJson,
    prepare: (body) => prepare(state, host, body),
    plan: (prepared) =>
      planChat(state, {
        request: prepared.request,
        body: prepared.body,
        protocol: 'openai',
        entry: prepared.entry,
        cache: host.cache(prepared.request.cache?.key, prepared.request.cache?.retention),
        reasoningDefault: 'on',
        thinkingShownByDefault: true,
        toolCallId,
      }),
    identity: (prepared) => identity(state, prepared.request, host),
    body: (_prepared, outcome, served) =>
      encodeOpenAIChatResponse(answerToResponse(outcome.answer, served, usageOf(host, outcome)), host.dialect).value,
    stream: (prepared, outcome, served) => ({
      script: answerToEvents(outcome.answer, served, usageOf(host, outcome), OPENAI_DELTAS),
      encoder: new OpenAIChatStreamEncoder({ dialect: host.dialect, includeUsage: prepared.request.streamIncludeUsage === true }),
    }),
    contentTypes: { answer: 'application/json', stream: 'text/event-stream; charset=utf-8', error: 'application/json' },
  };
}
