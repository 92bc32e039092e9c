import type { CanonicalRequest } from '../protocols/canonical/request.ts';
import type { CanonicalResponse } from '../protocols/canonical/response.ts';
import type { ValidationContext, ValidationInput } from './validator.ts';

/** A one-turn request asking `prompt` (test fixture). */
export function userRequest(prompt: string, extra: Partial<CanonicalRequest> = {}): CanonicalRequest {
  return { model: 'gpt-4o-mini', messages: [{ role: 'user', content: [{ type: 'text', text: prompt }] }], stream: false, ...extra };
}

/** A plain-text answer to `prompt`, ended naturally (test fixture). */
export function answerInput(text: string, prompt = 'Question?', extra: Partial<ValidationInput> = {}): ValidationInput {
  return { request: userRequest(prompt), text, toolCalls: [], stopReason: 'end_turn', model: 'gpt-4o-mini', ...extra };
}

/** A canonical response with one text choice (test fixture). */
export function textResponse(text: string, model = 'judge-model'): CanonicalResponse {
  return { id: 'response-1', model, choices: [{ index: 0, content: [{ type: 'text', text }], stopReason: 'end_turn' }] };
}

export function quietContext(extra: Partial<ValidationContext> = {}): ValidationContext {
  return { signal: new AbortController().signal, ...extra };
}
