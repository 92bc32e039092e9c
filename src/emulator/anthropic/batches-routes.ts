import { isProtocolError } from '../../protocols/errors/protocol-error.ts';
import type { EmulatorState } from '../engine/emulator-state.ts';
import { originOf, sendJson, type Exchange } from '../http/exchange.ts';
import { parseJsonBody } from '../http/parse-json-body.ts';
import { ANTHROPIC_EDGE } from '../http/provider-edge.ts';
import { anthropicInvalidJson } from './messages.ts';

const resultsUrl = (exchange: Exchange, id: string) => `${originOf(exchange)}/v1/messages/batches/${id}/results`;

async function answer(exchange: Exchange, state: EmulatorState, operation: () => Promise<unknown>): Promise<void> {
  const headers = ANTHROPIC_EDGE.headers(state, 'application/json');
  try {
    sendJson(exchange, 200, headers, await operation());
  } catch (error) {
    if (!isProtocolError(error)) throw error;
    sendJson(exchange, error.details.status, headers, error.details.body);
  }
}

/** POST /v1/messages/batches */
export function createMessageBatch(exchange: Exchange, state: EmulatorState, apiKey: string): Promise<void> {
  const parsed = parseJsonBody(exchange);
  if (!parsed.ok || typeof parsed.value !== 'object' || parsed.value === null) {
    const { status, body } = anthropicInvalidJson();
    sendJson(exchange, status, ANTHROPIC_EDGE.headers(state, 'application/json'), body);
    return Promise.resolve();
  }
  return answer(exchange, state, () => {
    const now = state.clock.now();
    const batch = state.anthropicBatches.create(apiKey, parsed.value as Record<string, unknown>, now);
    return state.anthropicBatches.view(batch, now, resultsUrl(exchange, batch.id));
  });
}

export function retrieveMessageBatch(exchange: Exchange, state: EmulatorState, apiKey: string, id: string): Promise<void> {
  return answer(exchange, state, () => state.anthropicBatches.view(state.anthropicBatches.get(apiKey, id), state.clock.now(), resultsUrl(exchange, id)));
}

export function cancelMessageBatch(exchange: Exchange, state: EmulatorState, apiKey: string, id: string): Promise<void> {
  return answer(exchange, state, () => {
    const now = state.clock.now();
    const batch = state.anthropicBatches.get(apiKey, id);
    state.anthropicBatches.cancel(batch, now);
    return state.anthropicBatches.view(batch, now, resultsUrl(exchange, id));
  });
}

export function deleteMessageBatch(exchange: Exchange, state: EmulatorState, apiKey: string, id: string): Promise<void> {
  return answer(exchange, state, async () => {
    state.anthropicBatches.delete(state.anthropicBatches.get(apiKey, id), state.clock.now());
    return { id, type: 'message_batch_deleted' };
  });
}

export function listMessageBatches(exchange: Exchange, state: EmulatorState, apiKey: string): Promise<void> {
  return answer(exchange, state, async () => {
    const now = state.clock.now();
    const limit = Math.min(1000, Math.max(1, Number(exchange.query.get('limit') ?? 20) || 20));
    const batches = state.anthropicBatches.list(apiKey);
    const data = await Promise.all(batches.slice(0, limit).map((batch) => state.anthropicBatches.view(batch, now, resultsUrl(exchange, batch.id))));
    return { data, has_more: batches.length > limit, first_id: data[0]?.id ?? null, last_id: data.at(-1)?.id ?? null };
  });
}

/** GET /v1/messages/batches/{id}/results: JSONL, one result per request, once the batch has ended. */
export async function messageBatchResults(exchange: Exchange, state: EmulatorState, apiKey: string, id: string): Promise<void> {
  try {
    const lines = await state.anthropicBatches.results(state.anthropicBatches.get(apiKey, id), state.clock.now());
    if (lines === undefined) {
      const { status, body } = ANTHROPIC_EDGE.error('invalid_request', `Batch ${id} has not ended yet; results are available once processing_status is "ended".`);
      sendJson(exchange, status, ANTHROPIC_EDGE.headers(state, 'application/json'), body);
      return;
    }
    exchange.reply.send(200, ANTHROPIC_EDGE.headers(state, 'application/binary'), lines);
  } catch (error) {
    if (!isProtocolError(error)) throw error;
    sendJson(exchange, error.details.status, ANTHROPIC_EDGE.headers(state, 'application/json'), error.details.body);
  }
}
