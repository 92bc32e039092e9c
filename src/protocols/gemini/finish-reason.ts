import type { StopReason } from '../canonical/stop-reason.ts';
import type { GeminiFinishReason } from './wire-types.ts';

const FROM_GEMINI: Record<GeminiFinishReason, StopReason> = {
  FINISH_REASON_UNSPECIFIED: 'other',
  STOP: 'end_turn',
  MAX_TOKENS: 'max_tokens',
  SAFETY: 'content_filter',
  RECITATION: 'content_filter',
  LANGUAGE: 'other',
  OTHER: 'other',
  BLOCKLIST: 'content_filter',
  PROHIBITED_CONTENT: 'content_filter',
  SPII: 'content_filter',
  MALFORMED_FUNCTION_CALL: 'malformed_tool_call',
  IMAGE_SAFETY: 'content_filter',
  UNEXPECTED_TOOL_CALL: 'malformed_tool_call',
  TOO_MANY_TOOL_CALLS: 'malformed_tool_call',
};

const TO_GEMINI: Record<StopReason, GeminiFinishReason> = {
  end_turn: 'STOP',
  stop_sequence: 'STOP',
  tool_use: 'STOP',
  pause_turn: 'STOP',
  max_tokens: 'MAX_TOKENS',
  context_window_exceeded: 'MAX_TOKENS',
  content_filter: 'SAFETY',
  refusal: 'SAFETY',
  malformed_tool_call: 'MALFORMED_FUNCTION_CALL',
  other: 'OTHER',
};

/** Gemini ends a function-calling turn with STOP; with function calls present the canonical reason is `tool_use`. */
export function stopReasonFromGemini(reason: string | undefined, hasFunctionCalls: boolean): StopReason | null {
  if (reason === undefined) return null;
  const mapped = FROM_GEMINI[reason as GeminiFinishReason] ?? 'other';
  return mapped === 'end_turn' && hasFunctionCalls ? 'tool_use' : mapped;
}

export function stopReasonToGemini(reason: StopReason): GeminiFinishReason {
  return TO_GEMINI[reason];
}
