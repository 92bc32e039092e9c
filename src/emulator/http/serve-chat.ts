import type { CatalogEntry } from '../../catalog/types.ts';
import type { CanonicalRequest } from '../../protocols/canonical/request.ts';
import type { StreamEncoder } from '../../protocols/canonical/stream-codec.ts';
import { FrugalError } from '../../errors/frugal-error.ts';
import type { ResponseIdentity, StreamScript } from '../engine/answer-to-canonical.ts';
import type { EmulatorState } from '../engine/emulator-state.ts';
import { runChat, type ChatOutcome, type ChatPlan } from '../engine/run-chat.ts';
import { sendJson, type Exchange, type HandlerResult } from './exchange.ts';
import { parseJsonBody } from './parse-json-body.ts';
import type { ProviderEdge } from './provider-edge.ts';
import { drawnStrings, renderedText, renderKey, type RenderedAnswer } from './rendered-answer.ts';
import { respondWithFault } from './respond-fault.ts';
import { encodeStream, writeStream } from './write-stream.ts';

export type Prepared =
  | { ok: false; status: number; body: unknown }
  | {
      ok: true;
      request: CanonicalRequest;
      body: unknown;
      entry: CatalogEntry;
      /** The request-only half of the call, worked out on first use and kept with the prepared request. */
      plan?: ChatPlan;
      /** True once the body memo keeps this request. */
      kept?: boolean;
      /** The answer sent for the last call of this request. */
      rendered?: RenderedAnswer;
    };

export type PreparedRequest = Extract<Prepared, { ok: true }>;

/** One chat endpoint (Chat Completions, Messages, generateContent) as the shared flow drives it. */
export interface ChatEndpoint {
  edge: ProviderEdge;
  /** The provider's answer to a body that is not JSON. */
  invalidJson(): { status: number; body: unknown };
  prepare(body: unknown): Prepared;
  plan(prepared: PreparedRequest): ChatPlan;
  /** Draws what is new for each call: ids, the creation time. */
  identity(prepared: PreparedRequest, outcome: ChatOutcome): ResponseIdentity;
  body(prepared: PreparedRequest, outcome: ChatOutcome, identity: ResponseIdentity): unknown;
  stream(prepared: PreparedRequest, outcome: ChatOutcome, identity: ResponseIdentity): { script: StreamScript; encoder: StreamEncoder };
  contentTypes: { answer: string; stream: string; error: string };
  /** Headers only streams have (Gemini's `content-disposition`). */
  streamHeaders?: Record<string, string>;
}

/**
 * Plans (once per prepared request) and runs the call; a request the simulation rejects (more
 * than four cache breakpoints) gets the provider's 400 instead.
 */
export function runOrReject(
  state: EmulatorState,
  endpoint: ChatEndpoint,
  prepared: PreparedRequest,
  apiKey: string,
): ChatOutcome | { status: number; body: unknown } {
  try {
    prepared.plan ??= endpoint.plan(prepared);
    return runChat(state, prepared.plan, apiKey);
  } catch (error) {
    if (FrugalError.isInstance(error) && error.code === 'FRUGAL_INVALID_REQUEST') return endpoint.edge.error('invalid_request', error.message);
    throw error;
  }
}

/** A whole non-streaming call without HTTP, faults or latency: what a batched request gets. */
export function resultWithoutHttp(state: EmulatorState, endpoint: ChatEndpoint, body: unknown, apiKey: string): HandlerResult {
  const headers = endpoint.edge.headers(state, endpoint.contentTypes.error);
  const prepared = endpoint.prepare(body);
  if (!prepared.ok) return { status: prepared.status, headers, body: prepared.body };
  const outcome = runOrReject(state, endpoint, prepared, apiKey);
  if ('status' in outcome) return { status: outcome.status, headers, body: outcome.body };
  headers['content-type'] = endpoint.contentTypes.answer;
  return { status: 200, headers, body: endpoint.body(prepared, outcome, endpoint.identity(prepared, outcome)) };
}

/**
 * The body parsed, validated and decoded by the endpoint, or the provider's error for it; kept in
 * the emulator's body memo, so the same body sent again (the usual load test) skips the work.
 */
function preparedRequest(state: EmulatorState, endpoint: ChatEndpoint, exchange: Exchange): Prepared {
  const known = state.preparedRequests.get(endpoint, exchange.body);
  if (known !== undefined) return known;
  const parsed = parseJsonBody(exchange);
  const prepared: Prepared = parsed.ok ? endpoint.prepare(parsed.value) : { ok: false, ...endpoint.invalidJson() };
  if (state.preparedRequests.set(endpoint, exchange.body, prepared) && prepared.ok) prepared.kept = true;
  return prepared;
}

/** A rough prompt size for rate limiting before the prompt is counted: four bytes a token. */
const estimateTokens = (exchange: Exchange, request: CanonicalRequest) =>
  Math.ceil(exchange.body.byteLength / 4) + (request.maxOutputTokens ?? 0);

/**
 * The flow every chat call follows: key, JSON, validation and model, then faults and rate
 * limits, then the emulated answer, sent whole or streamed, paced by the latency model.
 */
export function serveChat(exchange: Exchange, state: EmulatorState, endpoint: ChatEndpoint): void {
  const { edge, contentTypes } = endpoint;
  const apiKey = edge.apiKey(exchange);
  if (apiKey === undefined) {
    const { status, body } = edge.missingKey();
    sendJson(exchange, status, edge.headers(state, contentTypes.error), body);
    return;
  }
  const prepared = preparedRequest(state, endpoint, exchange);
  if (!prepared.ok) {
    sendJson(exchange, prepared.status, edge.headers(state, contentTypes.error), prepared.body);
    return;
  }
  const { request, entry } = prepared;
  const now = state.clock.now();
  const fault = state.faults.next(entry.provider, request.model);
  const rateLimit = state.rateLimits.count(apiKey, estimateTokens(exchange, request), now);
  if (fault !== undefined && respondWithFault(exchange, state, edge, contentTypes.error, fault, rateLimit)) return;
  if (rateLimit.exceeded) {
    respondWithFault(exchange, state, edge, contentTypes.error, 'rate_limit', rateLimit);
    return;
  }
  const outcome = runOrReject(state, endpoint, prepared, apiKey);
  if ('status' in outcome) {
    sendJson(exchange, outcome.status, edge.headers(state, contentTypes.error), outcome.body);
    return;
  }
  const streaming = request.stream;
  const { timing } = outcome;
  const tokens = outcome.buckets.output + outcome.buckets.reasoning;
  const generation = timing.firstTokenMilliseconds + timing.perTokenMilliseconds * tokens;
  const headers = edge.headers(state, streaming ? contentTypes.stream : contentTypes.answer);
  edge.rateLimitHeaders(rateLimit, now, headers);
  edge.processingTime(streaming ? timing.firstTokenMilliseconds : generation, headers);
  if (streaming && endpoint.streamHeaders !== undefined) Object.assign(headers, endpoint.streamHeaders);
  const replay = outcome.answer.replay;
  if (replay !== undefined) {
    headers['x-emulator-score'] = String(replay.score);
    headers['x-emulator-replay'] = `${replay.itemId};model=${replay.datasetModel}`;
  }
  const identity = endpoint.identity(prepared, outcome);
  const key = renderKey(streaming, identity, outcome.buckets);
  const drawn = drawnStrings(identity, outcome.answer);
  if (streaming) {
    const streamFault = fault === 'stream_cut' || fault === 'stream_error' ? fault : undefined;
    const zeroLatency = timing.firstTokenMilliseconds === 0 && timing.perTokenMilliseconds === 0;
    let stream;
    if (streamFault === undefined && zeroLatency) {
      const text = renderedText(prepared, key, drawn, () => {
        const { script, encoder } = endpoint.stream(prepared, outcome, identity);
        return encodeStream(script, encoder).frames.join('');
      });
      stream = { frames: [text], pieces: [0] };
    } else {
      const { script, encoder } = endpoint.stream(prepared, outcome, identity);
      stream = encodeStream(script, encoder, streamFault);
    }
    writeStream(exchange, { status: 200, headers, stream, timing, cut: streamFault === 'stream_cut' });
    return;
  }
  const text = renderedText(prepared, key, drawn, () => JSON.stringify(endpoint.body(prepared, outcome, identity)));
  const send = () => {
    if (exchange.reply.closed) return;
    if (fault === 'stream_cut') {
      exchange.reply.start(200, headers);
      exchange.reply.write(text.slice(0, text.length >> 1));
      exchange.reply.drop(false);
      return;
    }
    exchange.reply.send(200, headers, text);
  };
  if (generation > 0) setTimeout(send, generation);
  else send();
}
