import { validateAnthropicCountTokensRequest } from '../../protocols/anthropic-messages/validate-request.ts';
import { isProtocolError } from '../../protocols/errors/protocol-error.ts';
import { countRequestTokens } from '../../tokens/count-request.ts';
import type { EmulatorState } from '../engine/emulator-state.ts';
import { resolveModel } from '../engine/resolve-model.ts';
import { sendJson, type Exchange } from '../http/exchange.ts';
import { parseJsonBody } from '../http/parse-json-body.ts';
import { ANTHROPIC_EDGE } from '../http/provider-edge.ts';
import { anthropicInvalidJson, anthropicModelNotFound } from './messages.ts';

/** POST /v1/messages/count_tokens: the prompt's input tokens, counted as /v1/messages bills them. */
export function countTokens(exchange: Exchange, state: EmulatorState): void {
  const headers = ANTHROPIC_EDGE.headers(state, 'application/json');
  const parsed = parseJsonBody(exchange);
  if (!parsed.ok) {
    const { status, body } = anthropicInvalidJson();
    sendJson(exchange, status, headers, body);
    return;
  }
  try {
    const request = validateAnthropicCountTokensRequest(parsed.value);
    if (resolveModel(state, 'anthropic', request.model, ['chat']) === undefined) {
      const { status, body } = anthropicModelNotFound(request.model);
      sendJson(exchange, status, headers, body);
      return;
    }
    sendJson(exchange, 200, headers, { input_tokens: countRequestTokens('anthropic', parsed.value, request.model).total });
  } catch (error) {
    if (!isProtocolError(error)) throw error;
    sendJson(exchange, error.details.status, headers, error.details.body);
  }
}
