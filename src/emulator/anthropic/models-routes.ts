import type { EmulatorState } from '../engine/emulator-state.ts';
import { sendJson, type Exchange } from '../http/exchange.ts';
import { ANTHROPIC_EDGE } from '../http/provider-edge.ts';
import { anthropicModelNotFound } from './messages.ts';

function modelInfo(model: string, effectiveFrom: string) {
  return { type: 'model' as const, id: model, display_name: model, created_at: `${effectiveFrom}T00:00:00Z` };
}

/** GET /v1/models with an Anthropic key: the Claude models of the catalog. */
export function listAnthropicModels(exchange: Exchange, state: EmulatorState): void {
  const seen = new Set<string>();
  const data = [];
  for (const entry of state.catalog.entries()) {
    if (entry.provider !== 'anthropic' || seen.has(entry.model)) continue;
    seen.add(entry.model);
    data.push(modelInfo(entry.model, entry.effectiveFrom));
  }
  sendJson(exchange, 200, ANTHROPIC_EDGE.headers(state, 'application/json'), {
    data,
    has_more: false,
    first_id: data[0]?.id ?? null,
    last_id: data.at(-1)?.id ?? null,
  });
}

export function retrieveAnthropicModel(exchange: Exchange, state: EmulatorState, model: string): void {
  const entry = state.catalog.find(model, { provider: 'anthropic' });
  const headers = ANTHROPIC_EDGE.headers(state, 'application/json');
  if (entry === undefined || entry.provider !== 'anthropic') {
    const { status, body } = anthropicModelNotFound(model);
    sendJson(exchange, status, headers, body);
    return;
  }
  sendJson(exchange, 200, headers, modelInfo(entry.model, entry.effectiveFrom));
}
