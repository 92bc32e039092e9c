import type { CatalogEntry } from '../../catalog/types.ts';
import type { EmulatorState } from '../engine/emulator-state.ts';
import { sendJson, type Exchange } from '../http/exchange.ts';
import { OPENAI_EDGE } from '../http/provider-edge.ts';
import { openAIModelNotFound } from './chat-completions.ts';

function modelObject(entry: CatalogEntry) {
  return {
    id: entry.model,
    object: 'model' as const,
    created: Math.floor(Date.parse(`${entry.effectiveFrom}T00:00:00Z`) / 1000),
    owned_by: entry.provider === 'openai' ? 'system' : entry.provider,
  };
}

/** GET /v1/models: every catalog model this host serves. */
export function listOpenAIModels(exchange: Exchange, state: EmulatorState, provider: string): void {
  const seen = new Set<string>();
  const data = [];
  for (const entry of state.catalog.entries()) {
    if (entry.provider !== provider || seen.has(entry.model)) continue;
    seen.add(entry.model);
    data.push(modelObject(entry));
  }
  sendJson(exchange, 200, OPENAI_EDGE.headers(state, 'application/json'), { object: 'list', data });
}

export function retrieveOpenAIModel(exchange: Exchange, state: EmulatorState, provider: string, model: string): void {
  const entry = state.catalog.find(model, { provider });
  const headers = OPENAI_EDGE.headers(state, 'application/json');
  if (entry === undefined || entry.provider !== provider) {
    const { status, body } = openAIModelNotFound(model);
    sendJson(exchange, status, headers, body);
    return;
  }
  sendJson(exchange, 200, headers, modelObject(entry));
}
