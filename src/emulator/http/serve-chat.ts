import type { CatalogEntry } from '../../catalog/types.ts';
import type { CanonicalRequest } from '../../protocols/canonical/request.ts';
import type { CanonicalStreamEvent } from '../../protocols/canonical/stream-event.ts';
import type { StreamEncoder } from '../../protocols/canonical/stream-codec.ts';
import type { EmulatorState } from '../engine/emulator-state.ts';
import type { ChatOutcome } from '../engine/run-chat.ts';
import { FrugalError } from '../../errors/frugal-error.ts';
import { sendJson, type Exchange, type HandlerResult } from './exchange.ts';
import { parseJsonBody } from './parse-json-body.ts';
import type { ProviderEdge } from './provider-edge.ts';
import { respondWithFault } from './respond-fault.ts';
import { writeStream } from './write-stream.ts';

export type Prepared =
  | { ok: false; status: number; body: unknown }
  | { ok: true; request: CanonicalRequest; body: unknown; entry: CatalogEntry };

/** One chat endpoint (Chat Completions, Messages, generateContent) as the shared flow drives it. */
export interface ChatEndpoint {
  edge: ProviderEdge;
  /** The provider's answer to a body that is not JSON. */
  invalidJson(): { status: number; body: unknown };
  prepare(body: unknown): Prepared;
  run(prepared: Extract<Prepared, { ok: true }>, apiKey: string): ChatOutcome;
  body(prepared: Extract<Prepared, { ok: true }>, outcome: ChatOutcome): unknown;
  stream(prepared: Extract<Prepared, { ok: true }>, outcome: ChatOutcome): { events: CanonicalStreamEvent[]; encoder: StreamEncoder };
  streamContentType: string;
}

/**
 * Runs the call; a request the simulation rejects (more than four cache breakpoints) gets the
 * provider's 400 instead.
 */
export function runOrReject(
  endpoint: ChatEndpoint,
  prepared: Extract<Prepared, { ok: true }>,
  apiKey: string,
): ChatOutcome | { status: number; body: unknown } {
  try {
    return endpoint.run(prepared, apiKey);
  } catch (error) {
    if (FrugalError.isInstance(error) && error.code === 'FRUGAL_INVALID_REQUEST') return endpoint.edge.error('invalid_request', error.message);
    throw error;
  }
}

/** A whole non-streaming call without HTTP, faults or latency: what a batched request gets. */
export function resultWithoutHttp(state: EmulatorState, endpoint: ChatEndpoint, body: unknown, apiKey: string): HandlerResult {
  const headers = endpoint.edge.headers(state, 'application/json');
  const prepared = endpoint.prepare(body);
  if (!prepared.ok) return { status: prepared.status, headers, body: prepared.body };
  const outcome = runOrReject(endpoint, prepared, apiKey);
  if ('status' in outcome) return { status: outcome.status, headers, body: outcome.body };
  return { status: 200, headers, body: endpoint.body(prepared, outcome) };
}

/** A rough prompt size for rate limiting before the prompt is counted: four bytes a token. */
const estimateTokens = (exchange: Exchange, request: CanonicalRequest) =>
  Math.ceil(exchange.body.byteLength / 4) + (request.maxOutputTokens ?? 0);

/**
 * The flow every chat call follows: key, JSON, validation and model, then faults and rate
 * limits, then the emulated answer, sent whole or streamed, paced by the latency model.
 */
export function serveChat(exchange: Exchange, state: EmulatorState, endpoint: ChatEndpoint): void {
  const { edge } = endpoint;
  const apiKey = edge.apiKey(exchange);
  if (apiKey === undefined) {
    const { status, body } = edge.missingKey();
    sendJson(exchange, status, edge.headers(state, 'application/json'), body);
    return;
  }
  const parsed = parseJsonBody(exchange);
  const prepared: Prepared = parsed.ok ? endpoint.prepare(parsed.value) : { ok: false, ...endpoint.invalidJson() };
  if (!prepared.ok) {
    sendJson(exchange, prepared.status, edge.headers(state, 'application/json'), prepared.body);
    return;
  }
  const { request, entry } = prepared;
  const now = state.clock.now();
  const fault = state.faults.next(entry.provider, request.model);
  const rateLimit = state.rateLimits.count(apiKey, estimateTokens(exchange, request), now);
  if (fault !== undefined && respondWithFault(exchange, state, edge, fault, rateLimit)) return;
  if (rateLimit.exceeded) {
    respondWithFault(exchange, state, edge, 'rate_limit', rateLimit);
    return;
  }
  const outcome = runOrReject(endpoint, prepared, apiKey);
  if ('status' in outcome) {
    sendJson(exchange, outcome.status, edge.headers(state, 'application/json'), outcome.body);
    return;
  }
  const streaming = request.stream;
  const headers = edge.headers(state, streaming ? endpoint.streamContentType : 'application/json');
  edge.rateLimitHeaders(rateLimit, now, headers);
  const replay = outcome.answer.replay;
  if (replay !== undefined) {
    headers['x-emulator-score'] = String(replay.score);
    headers['x-emulator-replay'] = `${replay.itemId};model=${replay.datasetModel}`;
  }
  if (streaming) {
    const { events, encoder } = endpoint.stream(prepared, outcome);
    const plan: Parameters<typeof writeStream>[1] = { status: 200, headers, events, encoder, timing: outcome.timing };
    if (fault === 'stream_cut' || fault === 'stream_error') plan.fault = fault;
    writeStream(exchange, plan);
    return;
  }
  const body = endpoint.body(prepared, outcome);
  const tokens = outcome.buckets.output + outcome.buckets.reasoning;
  const delay = outcome.timing.firstTokenMilliseconds + outcome.timing.perTokenMilliseconds * tokens;
  const send = () => {
    if (exchange.response.destroyed) return;
    if (fault === 'stream_cut') {
      const text = JSON.stringify(body);
      exchange.response.writeHead(200, headers);
      exchange.response.write(text.slice(0, text.length >> 1));
      exchange.request.socket.destroy();
      return;
    }
    sendJson(exchange, 200, headers, body);
  };
  if (delay > 0) setTimeout(send, delay);
  else send();
}
