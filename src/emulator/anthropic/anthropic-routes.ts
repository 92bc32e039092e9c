import type { EmulatorState } from '../engine/emulator-state.ts';
import { sendJson, type Exchange } from '../http/exchange.ts';
import { ANTHROPIC_EDGE } from '../http/provider-edge.ts';
import { serveChat, type ChatEndpoint } from '../http/serve-chat.ts';
import {
  cancelMessageBatch,
  createMessageBatch,
  deleteMessageBatch,
  listMessageBatches,
  messageBatchResults,
  retrieveMessageBatch,
} from './batches-routes.ts';
import { countTokens } from './count-tokens.ts';
import { listAnthropicModels, retrieveAnthropicModel } from './models-routes.ts';

type Handler = (apiKey: string) => void | Promise<void>;

/**
 * Anthropic's paths under /v1 (`rest` is the path after /v1): messages, count_tokens, message
 * batches, and models when the caller sends an Anthropic key. Like the API, every call needs
 * `x-api-key` and `anthropic-version`.
 */
export function anthropicRoute(exchange: Exchange, state: EmulatorState, rest: string, messages: ChatEndpoint): boolean | Promise<void> {
  const { method } = exchange;
  const guarded = (handle: Handler): true | Promise<void> => {
    const headers = () => ANTHROPIC_EDGE.headers(state, 'application/json');
    const apiKey = ANTHROPIC_EDGE.apiKey(exchange);
    if (apiKey === undefined) {
      const { status, body } = ANTHROPIC_EDGE.missingKey();
      sendJson(exchange, status, headers(), body);
      return true;
    }
    if (exchange.headers['anthropic-version'] === undefined) {
      const { status, body } = ANTHROPIC_EDGE.error('invalid_request', 'anthropic-version: header is required');
      sendJson(exchange, status, headers(), body);
      return true;
    }
    return handle(apiKey) ?? true;
  };
  if (rest === '/messages' && method === 'POST') return guarded(() => serveChat(exchange, state, messages));
  if (rest === '/messages/count_tokens' && method === 'POST') return guarded(() => countTokens(exchange, state));
  if (rest === '/models' && method === 'GET') return guarded(() => listAnthropicModels(exchange, state));
  if (rest.startsWith('/models/') && method === 'GET') {
    return guarded(() => retrieveAnthropicModel(exchange, state, decodeURIComponent(rest.slice('/models/'.length))));
  }
  if (rest === '/messages/batches') {
    if (method === 'POST') return guarded((apiKey) => createMessageBatch(exchange, state, apiKey));
    if (method === 'GET') return guarded((apiKey) => listMessageBatches(exchange, state, apiKey));
  }
  if (rest.startsWith('/messages/batches/')) {
    const [id = '', tail] = rest.slice('/messages/batches/'.length).split('/');
    if (tail === undefined && method === 'GET') return guarded((apiKey) => retrieveMessageBatch(exchange, state, apiKey, id));
    if (tail === undefined && method === 'DELETE') return guarded((apiKey) => deleteMessageBatch(exchange, state, apiKey, id));
    if (tail === 'cancel' && method === 'POST') return guarded((apiKey) => cancelMessageBatch(exchange, state, apiKey, id));
    if (tail === 'results' && method === 'GET') return guarded((apiKey) => messageBatchResults(exchange, state, apiKey, id));
  }
  return false;
}
