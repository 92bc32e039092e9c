import type { StopReason } from '../canonical/stop-reason.ts';
import type { AnthropicStopReason } from './wire-types.ts';

const FROM_ANTHROPIC: Record<AnthropicStopReason, StopReason> = {
  end_turn: 'end_turn',
  max_tokens: 'max_tokens',
  stop_sequence: 'stop_sequence',
  tool_use: 'tool_use',
  pause_turn: 'pause_turn',
  refusal: 'refusal',
  model_context_window_exceeded: 'context_window_exceeded',
};

const TO_ANTHROPIC: Record<StopReason, AnthropicStopReason> = {
  end_turn: 'end_turn',
  max_tokens: 'max_tokens',
  stop_sequence: 'stop_sequence',
  tool_use: 'tool_use',
  pause_turn: 'pause_turn',
  refusal: 'refusal',
  content_filter: 'refusal',
  context_window_exceeded: 'model_context_window_exceeded',
  malformed_tool_call: 'end_turn',
  other: 'end_turn',
};

export function stopReasonFromAnthropic(reason: string | null): StopReason | null {
  if (reason === null) return null;
  return FROM_ANTHROPIC[reason as AnthropicStopReason] ?? 'other';
}

export function stopReasonToAnthropic(reason: StopReason): AnthropicStopReason {
  return TO_ANTHROPIC[reason];
}
