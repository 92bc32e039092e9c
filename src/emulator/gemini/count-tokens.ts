import { isProtocolError } from '../../protocols/errors/protocol-error.ts';
import { validateGeminiCountTokensRequest } from '../../protocols/gemini/validate-request.ts';
import { countRequestTokens } from '../../tokens/count-request.ts';
import type { EmulatorState } from '../engine/emulator-state.ts';
import { resolveModel } from '../engine/resolve-model.ts';
import { sendJson, type Exchange } from '../http/exchange.ts';
import { parseJsonBody } from '../http/parse-json-body.ts';
import { GEMINI_EDGE } from '../http/provider-edge.ts';
import { countBreakdown } from './count-breakdown.ts';
import { geminiInvalidJson, geminiModelNotFound } from './generate-content.ts';

/** POST /v1beta/models/{model}:countTokens, answered in the recorded shape, with the per-content breakdown. */
export function countGeminiTokens(exchange: Exchange, state: EmulatorState, model: string): void {
  const headers = GEMINI_EDGE.headers(state, 'application/json; charset=UTF-8');
  const parsed = parseJsonBody(exchange);
  if (!parsed.ok) {
    const { status, body } = geminiInvalidJson();
    sendJson(exchange, status, headers, body);
    return;
  }
  try {
    const request = validateGeminiCountTokensRequest(parsed.value);
    if (resolveModel(state, 'gemini', model, ['chat']) === undefined) {
      const { status, body } = geminiModelNotFound(model);
      sendJson(exchange, status, headers, body);
      return;
    }
    const counted = request.generateContentRequest ?? { contents: (parsed.value as { contents: unknown }).contents };
    const count = countRequestTokens('gemini', counted, model);
    const { contentTokens, systemInstructionsTokens } = countBreakdown(count.blocks);
    sendJson(exchange, 200, headers, {
      totalTokens: count.total,
      promptTokensDetails: [{ modality: 'TEXT', tokenCount: count.total }],
      contentTokens,
      systemInstructionsTokens,
    });
  } catch (error) {
    if (!isProtocolError(error)) throw error;
    sendJson(exchange, error.details.status, headers, error.details.body);
  }
}
