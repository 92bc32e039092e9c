/**
 * Why generation stopped, in one vocabulary for every protocol:
 * - end_turn: natural end (OpenAI `stop`, Anthropic `end_turn`, Gemini `STOP`)
 * - max_tokens: the output limit (`length`, `max_tokens`, `MAX_TOKENS`)
 * - stop_sequence: a requested stop sequence (Anthropic only; OpenAI reports `stop`)
 * - tool_use: the model called tools (`tool_calls`, `tool_use`, Gemini `STOP` with function calls)
 * - content_filter: a provider filter removed or blocked output (`content_filter`, Gemini `SAFETY`...)
 * - refusal: the model's safety classifiers refused (Anthropic `refusal`)
 * - pause_turn: a long server-tool turn was paused (Anthropic)
 * - context_window_exceeded: the context window filled (Anthropic `model_context_window_exceeded`)
 * - malformed_tool_call: the model produced an invalid call (Gemini `MALFORMED_FUNCTION_CALL`)
 * - other: anything else the provider reports
 */
export const STOP_REASONS = [
  'end_turn',
  'max_tokens',
  'stop_sequence',
  'tool_use',
  'content_filter',
  'refusal',
  'pause_turn',
  'context_window_exceeded',
  'malformed_tool_call',
  'other',
] as const;

export type StopReason = (typeof STOP_REASONS)[number];
