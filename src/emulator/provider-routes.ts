import type { EmulatorState } from './engine/emulator-state.ts';
import type { Exchange } from './http/exchange.ts';
import { sendJson } from './http/exchange.ts';
import { ANTHROPIC_EDGE, OPENAI_EDGE, type ProviderEdge } from './http/provider-edge.ts';
import { anthropicRoute } from './anthropic/anthropic-routes.ts';
import { messagesEndpoint } from './anthropic/messages.ts';
import { geminiRoutes } from './gemini/gemini-routes.ts';
import type { Routes } from './http/routes.ts';
import { resultWithoutHttp, serveChat, type ChatEndpoint } from './http/serve-chat.ts';
import { cancelBatch, createBatch, listBatches, retrieveBatch } from './openai/batches-routes.ts';
import { chatCompletionsEndpoint } from './openai/chat-completions.ts';
import type { BatchExecutor } from './batches/batch-executor.ts';
import { compatibleHost, NATIVE_PROVIDERS, OPENAI_HOST } from './openai/compatible-hosts.ts';
import { deleteFile, fileContent, listFiles, retrieveFile, uploadFile } from './openai/files-routes.ts';
import { listOpenAIModels, retrieveOpenAIModel } from './openai/models-routes.ts';
import { embeddingsResult, serveEmbeddings } from './openai/embeddings.ts';

/** A handler ran: true when it finished synchronously, else its promise. */
const done = (result: void | Promise<void>): true | Promise<void> => result ?? true;

/** Runs `handle` with the caller's key, or answers the provider's missing-key error. */
export function withKey(
  edge: ProviderEdge,
  exchange: Exchange,
  state: EmulatorState,
  handle: (apiKey: string) => void | Promise<void>,
): void | Promise<void> {
  const apiKey = edge.apiKey(exchange);
  if (apiKey !== undefined) return handle(apiKey);
  const { status, body } = edge.missingKey();
  sendJson(exchange, status, edge.headers(state, 'application/json'), body);
}

const withOpenAIKey = (exchange: Exchange, state: EmulatorState, handle: (apiKey: string) => void | Promise<void>) =>
  withKey(OPENAI_EDGE, exchange, state, handle);

/**
 * Every provider path the emulator serves. OpenAI at /v1/…, OpenAI-compatible hosts at
 * /{provider}/v1/… (e.g. /deepseek/v1/chat/completions).
 */
export function providerRoutes(state: EmulatorState): Routes {
  const openaiChat = chatCompletionsEndpoint(state, OPENAI_HOST);
  const compatible = new Map<string, ChatEndpoint>();
  for (const entry of state.catalog.entries()) {
    if (!NATIVE_PROVIDERS.has(entry.provider) && !compatible.has(entry.provider)) {
      compatible.set(entry.provider, chatCompletionsEndpoint(state, compatibleHost(entry.provider)));
    }
  }

  const messages = messagesEndpoint(state);
  const openaiRoute = (exchange: Exchange, rest: string, provider: string): boolean | Promise<void> => {
    const { method } = exchange;
    if (provider === 'openai' && (rest.startsWith('/messages') || (rest.startsWith('/models') && ANTHROPIC_EDGE.apiKey(exchange) !== undefined))) {
      return anthropicRoute(exchange, state, rest, messages);
    }
    if (rest === '/models' && method === 'GET') return done(withOpenAIKey(exchange, state, () => listOpenAIModels(exchange, state, provider)));
    if (rest.startsWith('/models/') && method === 'GET') {
      const model = decodeURIComponent(rest.slice('/models/'.length));
      return done(withOpenAIKey(exchange, state, () => retrieveOpenAIModel(exchange, state, provider, model)));
    }
    if (rest === '/embeddings' && method === 'POST') return done(withOpenAIKey(exchange, state, () => serveEmbeddings(exchange, state, provider)));
    if (provider !== 'openai') return false;
    if (rest === '/files') {
      if (method === 'POST') return done(withOpenAIKey(exchange, state, (apiKey) => uploadFile(exchange, state, apiKey)));
      if (method === 'GET') return done(withOpenAIKey(exchange, state, (apiKey) => listFiles(exchange, state, apiKey)));
    }
    if (rest.startsWith('/files/')) {
      const [id = '', tail] = rest.slice('/files/'.length).split('/');
      if (tail === 'content' && method === 'GET') return done(withOpenAIKey(exchange, state, (apiKey) => fileContent(exchange, state, apiKey, id)));
      if (tail === undefined && method === 'GET') return done(withOpenAIKey(exchange, state, (apiKey) => retrieveFile(exchange, state, apiKey, id)));
      if (tail === undefined && method === 'DELETE') return done(withOpenAIKey(exchange, state, (apiKey) => deleteFile(exchange, state, apiKey, id)));
    }
    if (rest === '/batches') {
      if (method === 'POST') return done(withOpenAIKey(exchange, state, (apiKey) => createBatch(exchange, state, apiKey)));
      if (method === 'GET') return done(withOpenAIKey(exchange, state, (apiKey) => listBatches(exchange, state, apiKey)));
    }
    if (rest.startsWith('/batches/')) {
      const [id = '', tail] = rest.slice('/batches/'.length).split('/');
      if (tail === undefined && method === 'GET') return done(withOpenAIKey(exchange, state, (apiKey) => retrieveBatch(exchange, state, apiKey, id)));
      if (tail === 'cancel' && method === 'POST') return done(withOpenAIKey(exchange, state, (apiKey) => cancelBatch(exchange, state, apiKey, id)));
    }
    return false;
  };

  const gemini = geminiRoutes(state);
  return {
    dispatch(exchange) {
      const { method, path } = exchange;
      if (path.startsWith('/v1beta/') || path.startsWith('/v1alpha/') || path.startsWith('/v1/models/')) {
        if (gemini(exchange)) return true;
      }
      if (path === '/v1/chat/completions' && method === 'POST') return done(serveChat(exchange, state, openaiChat));
      if (path.startsWith('/v1/')) return openaiRoute(exchange, path.slice(3), 'openai');
      const slash = path.indexOf('/', 1);
      if (slash === -1) return false;
      const endpoint = compatible.get(path.slice(1, slash));
      if (endpoint === undefined) return false;
      const rest = path.slice(slash);
      if (rest === '/v1/chat/completions' && method === 'POST') return done(serveChat(exchange, state, endpoint));
      if (rest.startsWith('/v1/')) return openaiRoute(exchange, rest.slice(3), path.slice(1, slash));
      return false;
    },
  };
}

/** Batched requests run through the same handlers as live calls, without faults or latency. */
export function batchExecutor(state: EmulatorState): BatchExecutor {
  const chat = chatCompletionsEndpoint(state, OPENAI_HOST);
  const messages = messagesEndpoint(state);
  return async (endpoint, body, apiKey) => {
    switch (endpoint) {
      case '/v1/chat/completions':
        return resultWithoutHttp(state, chat, body, apiKey);
      case '/v1/embeddings':
        return embeddingsResult(state, 'openai', body);
      case '/v1/messages':
        return resultWithoutHttp(state, messages, body, apiKey);
      default:
        throw new Error(`no batch handler for ${endpoint}`);
    }
  };
}
