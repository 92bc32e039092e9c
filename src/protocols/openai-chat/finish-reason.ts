import type { StopReason } from '../canonical/stop-reason.ts';
import type { OpenAIFinishReason } from './wire-types.ts';

const FROM_OPENAI: Record<OpenAIFinishReason, StopReason> = {
  stop: 'end_turn',
  length: 'max_tokens',
  tool_calls: 'tool_use',
  function_call: 'tool_use',
  content_filter: 'content_filter',
};

const TO_OPENAI: Record<StopReason, OpenAIFinishReason> = {
  end_turn: 'stop',
  stop_sequence: 'stop',
  pause_turn: 'stop',
  malformed_tool_call: 'stop',
  other: 'stop',
  max_tokens: 'length',
  context_window_exceeded: 'length',
  tool_use: 'tool_calls',
  content_filter: 'content_filter',
  refusal: 'content_filter',
};

/**
 * Some OpenAI-compatible hosts (older vLLM and Ollama builds) answer `stop` together with
 * tool calls; the canonical reason is then `tool_use`.
 */
export function stopReasonFromOpenAI(reason: string | null, hasToolCalls: boolean): StopReason | null {
  if (reason === null) return null;
  const mapped = FROM_OPENAI[reason as OpenAIFinishReason] ?? 'other';
  return mapped === 'end_turn' && hasToolCalls ? 'tool_use' : mapped;
}

export function stopReasonToOpenAI(reason: StopReason): OpenAIFinishReason {
  return TO_OPENAI[reason];
}
