import { isProtocolError } from '../../protocols/errors/protocol-error.ts';
import { encodeOpenAIEmbeddingsResponse } from '../../protocols/openai-embeddings/encode-response.ts';
import { embeddingInputs, validateOpenAIEmbeddingsRequest } from '../../protocols/openai-embeddings/validate-request.ts';
import { countTextTokens } from '../../tokens/count-text.ts';
import { embeddingVector, nativeDimensions } from '../answers/embedding-vector.ts';
import type { EmulatorState } from '../engine/emulator-state.ts';
import { resolveModel } from '../engine/resolve-model.ts';
import type { Exchange, HandlerResult } from '../http/exchange.ts';
import { sendResult } from '../http/exchange.ts';
import { parseJsonBody } from '../http/parse-json-body.ts';
import { OPENAI_EDGE } from '../http/provider-edge.ts';
import { openAIInvalidJson, openAIModelNotFound } from './chat-completions.ts';

/**
 * POST /v1/embeddings without HTTP: deterministic unit vectors seeded by each input (the same text
 * always embeds the same way), `dimensions` wide or the model's native width, float or base64,
 * prompt tokens counted with the model's tokenizer.
 */
export function embeddingsResult(state: EmulatorState, provider: string, body: unknown): HandlerResult {
  const headers = OPENAI_EDGE.headers(state, 'application/json');
  try {
    const request = validateOpenAIEmbeddingsRequest(body, { unknownFields: provider === 'openai' ? 'reject' : 'allow' });
    if (resolveModel(state, provider, request.model, ['embedding']) === undefined) {
      return { status: 404, headers, body: openAIModelNotFound(request.model).body };
    }
    const dimensions = request.dimensions ?? nativeDimensions(request.model);
    let promptTokens = 0;
    const vectors = embeddingInputs(request).map((input) => {
      const text = typeof input === 'string' ? input : input.join(' ');
      promptTokens += typeof input === 'string' ? countTextTokens(input, request.model) : input.length;
      return Array.from(embeddingVector(text, dimensions, state.seed));
    });
    const response = encodeOpenAIEmbeddingsResponse({
      model: request.model,
      vectors,
      promptTokens,
      encodingFormat: request.encoding_format ?? 'float',
    });
    return { status: 200, headers, body: response };
  } catch (error) {
    if (!isProtocolError(error)) throw error;
    return { status: error.details.status, headers, body: error.details.body };
  }
}

export function serveEmbeddings(exchange: Exchange, state: EmulatorState, provider: string): void {
  const parsed = parseJsonBody(exchange);
  if (!parsed.ok) {
    const { status, body } = openAIInvalidJson();
    sendResult(exchange, { status, headers: OPENAI_EDGE.headers(state, 'application/json'), body });
    return;
  }
  sendResult(exchange, embeddingsResult(state, provider, parsed.value));
}
