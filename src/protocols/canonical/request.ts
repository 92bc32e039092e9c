import type { AssistantPart, CacheHint, TextPart, ToolResultPart, UserPart } from './parts.ts';
import type { Extensions, Protocol } from './protocol.ts';

export interface SystemMessage {
  role: 'system';
  content: TextPart[];
}

export interface UserMessage {
  role: 'user';
  content: UserPart[];
  name?: string;
}

export interface AssistantMessage {
  role: 'assistant';
  content: AssistantPart[];
  name?: string;
}

/** Results of earlier tool calls. Only tool results; never two tool messages in a row. */
export interface ToolMessage {
  role: 'tool';
  content: ToolResultPart[];
}

/** A system message inside `messages` is a mid-conversation instruction; the leading system prompt is `system`. */
export type CanonicalMessage = SystemMessage | UserMessage | AssistantMessage | ToolMessage;

export interface FunctionTool {
  type: 'function';
  name: string;
  description?: string;
  /** JSON Schema of the arguments object. */
  parameters?: Record<string, unknown>;
  strict?: boolean;
  cache?: CacheHint;
}

/** A provider's built-in tool (Anthropic web search, Gemini googleSearch, OpenAI custom tools). */
export interface OpaqueTool {
  type: 'opaque';
  protocol: Protocol;
  value: unknown;
}

export type CanonicalTool = FunctionTool | OpaqueTool;

export type ToolChoice = { type: 'auto' } | { type: 'none' } | { type: 'required' } | { type: 'tool'; name: string };

export type ResponseFormat =
  | { type: 'text' }
  | { type: 'json_object' }
  | { type: 'json_schema'; schema: Record<string, unknown>; name?: string; description?: string; strict?: boolean };

export const REASONING_EFFORTS = ['none', 'minimal', 'low', 'medium', 'high', 'xhigh', 'max'] as const;
export type ReasoningEffort = (typeof REASONING_EFFORTS)[number];

export interface ReasoningSettings {
  /** false: thinking off (Anthropic `disabled`, Gemini budget 0). true: on (Anthropic `enabled` / `adaptive`). */
  enabled?: boolean;
  effort?: ReasoningEffort;
  /** Thinking token budget (Anthropic `budget_tokens`, Gemini `thinkingBudget`); absent = provider decides. */
  budgetTokens?: number;
  /** Whether thinking text is returned (Gemini `includeThoughts`, Anthropic `display`). */
  includeThoughts?: boolean;
}

export interface CacheSettings {
  /** OpenAI `prompt_cache_key`: routes requests with the same prefix to the same cache. */
  key?: string;
  /** OpenAI `prompt_cache_retention`. */
  retention?: 'in_memory' | '24h';
  /** Anthropic top-level `cache_control`: cache up to the last cacheable block automatically. */
  breakpoint?: CacheHint;
}

/** OpenAI `default` and Anthropic `standard_only` are `standard`. */
export type ServiceTier = 'auto' | 'standard' | 'flex' | 'priority' | 'scale';

export interface CanonicalRequest {
  model: string;
  system?: TextPart[];
  messages: CanonicalMessage[];
  tools?: CanonicalTool[];
  toolChoice?: ToolChoice;
  parallelToolCalls?: boolean;
  maxOutputTokens?: number;
  temperature?: number;
  topP?: number;
  topK?: number;
  presencePenalty?: number;
  frequencyPenalty?: number;
  seed?: number;
  stop?: string[];
  /** OpenAI `n`, Gemini `candidateCount`. */
  candidateCount?: number;
  responseFormat?: ResponseFormat;
  reasoning?: ReasoningSettings;
  cache?: CacheSettings;
  /** End-user id: OpenAI `user`, Anthropic `metadata.user_id`. */
  user?: string;
  /** OpenAI `metadata` (string values). */
  metadata?: Record<string, string>;
  serviceTier?: ServiceTier;
  stream: boolean;
  /** OpenAI `stream_options.include_usage`; the other protocols always stream usage. */
  streamIncludeUsage?: boolean;
  extensions?: Extensions;
}
