import { isProtocolError } from '../../protocols/errors/protocol-error.ts';
import type { EmulatorState } from '../engine/emulator-state.ts';
import { sendJson, type Exchange } from '../http/exchange.ts';
import { parseJsonBody } from '../http/parse-json-body.ts';
import { OPENAI_EDGE } from '../http/provider-edge.ts';
import { openAIInvalidJson } from './chat-completions.ts';

function send(exchange: Exchange, state: EmulatorState, status: number, body: unknown): void {
  sendJson(exchange, status, OPENAI_EDGE.headers(state, 'application/json'), body);
}

/** Runs a batch operation; a store error becomes OpenAI's error answer. */
async function answer(exchange: Exchange, state: EmulatorState, operation: () => Promise<unknown>): Promise<void> {
  try {
    send(exchange, state, 200, await operation());
  } catch (error) {
    if (!isProtocolError(error)) throw error;
    send(exchange, state, error.details.status, error.details.body);
  }
}

/** POST /v1/batches */
export function createBatch(exchange: Exchange, state: EmulatorState, apiKey: string): Promise<void> {
  const parsed = parseJsonBody(exchange);
  if (!parsed.ok || typeof parsed.value !== 'object' || parsed.value === null) {
    const { status, body } = openAIInvalidJson();
    send(exchange, state, status, body);
    return Promise.resolve();
  }
  return answer(exchange, state, () => {
    const now = state.clock.now();
    const batch = state.openaiBatches.create(apiKey, parsed.value as Record<string, unknown>, now);
    return state.openaiBatches.view(batch, now);
  });
}

export function retrieveBatch(exchange: Exchange, state: EmulatorState, apiKey: string, id: string): Promise<void> {
  return answer(exchange, state, () => state.openaiBatches.view(state.openaiBatches.get(apiKey, id), state.clock.now()));
}

export function cancelBatch(exchange: Exchange, state: EmulatorState, apiKey: string, id: string): Promise<void> {
  return answer(exchange, state, () => {
    const now = state.clock.now();
    const batch = state.openaiBatches.get(apiKey, id);
    state.openaiBatches.cancel(batch, now);
    return state.openaiBatches.view(batch, now);
  });
}

export function listBatches(exchange: Exchange, state: EmulatorState, apiKey: string): Promise<void> {
  return answer(exchange, state, async () => {
    const now = state.clock.now();
    const limit = Math.min(100, Math.max(1, Number(exchange.query.get('limit') ?? 20) || 20));
    const after = exchange.query.get('after');
    let batches = state.openaiBatches.list(apiKey);
    if (after !== null) batches = batches.slice(batches.findIndex((batch) => batch.id === after) + 1);
    const page = batches.slice(0, limit);
    const data = await Promise.all(page.map((batch) => state.openaiBatches.view(batch, now)));
    return { object: 'list', data, first_id: data[0]?.id ?? null, last_id: data.at(-1)?.id ?? null, has_more: batches.length > limit };
  });
}
