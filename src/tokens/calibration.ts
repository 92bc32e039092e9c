/**
 * Calibration of the estimates for models without a public tokenizer. Fitted on recorded real
 * usage in shared/data/fixtures (see docs/tokens.md, "Measured error"); estimate-error.test.ts
 * recomputes the error and fails if it passes the documented bound.
 */
import type { ToolChoice } from './prompt-view.ts';

/** Provider tokens per o200k_base token of the same text. */
export const ESTIMATE_FACTORS = {
  /** Claude's tokenizer splits English text and JSON finer than o200k_base (fitted: 1.11). */
  anthropic: 1.11,
  /** Gemini's countTokens `partTokens` equal o200k_base counts on the recorded prompts. */
  gemini: 1,
  /** DeepSeek, Llama, Mistral, Qwen and other hosts: not measured (no recorded usage), so 1. */
  other: 1,
} as const;

/**
 * Claude renders each past tool call and tool result inside markup of its own; these are the
 * fitted per-block costs (a call and its result together cost about 64 tokens beyond their text).
 */
export const ANTHROPIC_TOOL_USE_TOKENS = 32;
export const ANTHROPIC_TOOL_RESULT_TOKENS = 32;

/** Gemini counts one token per content for its role (`roleTokens: 1` in countTokens). */
export const GEMINI_ROLE_TOKENS = 1;

interface ToolPromptRow {
  pattern: RegExp;
  /** tool_choice auto or none. */
  auto: number;
  /** tool_choice any or tool. */
  forced: number;
}

/**
 * The system prompt Anthropic adds whenever `tools` is present, by model (Anthropic's pricing
 * page, "tool use system prompt"), except claude-sonnet-4-5, measured on recorded usage where
 * the documented 346 under-counts by about 165 tokens.
 */
const TOOL_SYSTEM_PROMPT: ToolPromptRow[] = [
  { pattern: /sonnet-4-5|sonnet-4\.5/, auto: 511, forced: 478 },
  { pattern: /claude-3-opus/, auto: 530, forced: 281 },
  { pattern: /claude-3-sonnet/, auto: 159, forced: 235 },
  { pattern: /claude-3-(5-)?haiku/, auto: 264, forced: 340 },
];
const TOOL_SYSTEM_PROMPT_DEFAULT = { auto: 346, forced: 313 };

export function anthropicToolSystemPromptTokens(model: string, toolChoice: ToolChoice): number {
  const name = model.toLowerCase();
  const row = TOOL_SYSTEM_PROMPT.find((candidate) => candidate.pattern.test(name)) ?? TOOL_SYSTEM_PROMPT_DEFAULT;
  return toolChoice === 'any' || toolChoice === 'tool' ? row.forced : row.auto;
}
