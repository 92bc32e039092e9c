import type { EmulatorState } from '../engine/emulator-state.ts';
import { sendJson, type Exchange } from '../http/exchange.ts';
import { GEMINI_EDGE } from '../http/provider-edge.ts';
import { serveChat, type ChatEndpoint } from '../http/serve-chat.ts';
import { countGeminiTokens } from './count-tokens.ts';
import { generateContentEndpoint, type GeminiMethod } from './generate-content.ts';

const PATH = /^\/(v1beta|v1|v1alpha)\/models\/([^/:]+):(generateContent|streamGenerateContent|countTokens)$/;
const MAXIMUM_ENDPOINTS = 10_000;

/**
 * Gemini's `/{version}/models/{model}:{method}` paths; the key comes as x-goog-api-key or ?key=.
 * streamGenerateContent streams SSE with `alt=sse`, else a JSON array, as Google does.
 */
export function geminiRoutes(state: EmulatorState) {
  const endpoints = new Map<string, ChatEndpoint>();
  const endpoint = (model: string, method: GeminiMethod) => {
    const key = `${method}:${model}`;
    let found = endpoints.get(key);
    if (found === undefined) {
      found = generateContentEndpoint(state, model, method);
      if (endpoints.size < MAXIMUM_ENDPOINTS) endpoints.set(key, found);
    }
    return found;
  };
  return (exchange: Exchange): boolean => {
    const match = exchange.method === 'POST' ? PATH.exec(exchange.path) : null;
    if (match === null) return false;
    const model = decodeURIComponent(match[2] as string);
    const method = match[3];
    if (method === 'countTokens') {
      if (GEMINI_EDGE.apiKey(exchange) === undefined) {
        const { status, body } = GEMINI_EDGE.missingKey();
        sendJson(exchange, status, GEMINI_EDGE.headers(state, 'application/json; charset=UTF-8'), body);
      } else countGeminiTokens(exchange, state, model);
      return true;
    }
    const streamed: GeminiMethod = exchange.query.get('alt') === 'sse' ? 'sse' : 'array';
    serveChat(exchange, state, endpoint(model, method === 'streamGenerateContent' ? streamed : 'generate'));
    return true;
  };
}
