/**
 * OpenAI Chat Completions wire types (POST /v1/chat/completions), as in OpenAI's OpenAPI
 * spec and the `openai` SDK. Fields Frugal does not interpret are typed loosely but kept.
 */

export interface OpenAITextContentPart {
  type: 'text';
  text: string;
  prompt_cache_breakpoint?: { mode: 'explicit'; ttl?: string };
}

export interface OpenAIImageContentPart {
  type: 'image_url';
  image_url: { url: string; detail?: 'auto' | 'low' | 'high' | 'original' };
  prompt_cache_breakpoint?: { mode: 'explicit'; ttl?: string };
}

export interface OpenAIRefusalContentPart {
  type: 'refusal';
  refusal: string;
}

/** input_audio and file parts are passed through untouched. */
export interface OpenAIOtherContentPart {
  type: 'input_audio' | 'file';
  [key: string]: unknown;
}

export type OpenAIUserContentPart = OpenAITextContentPart | OpenAIImageContentPart | OpenAIOtherContentPart;

export interface OpenAIFunctionToolCall {
  id: string;
  type: 'function';
  function: { name: string; arguments: string };
}

export interface OpenAICustomToolCall {
  id: string;
  type: 'custom';
  custom: { name: string; input: string };
}

export type OpenAIToolCall = OpenAIFunctionToolCall | OpenAICustomToolCall;

export interface OpenAISystemMessage {
  role: 'system' | 'developer';
  content: string | OpenAITextContentPart[];
  name?: string;
}

export interface OpenAIUserMessage {
  role: 'user';
  content: string | OpenAIUserContentPart[];
  name?: string;
}

export interface OpenAIAssistantMessage {
  role: 'assistant';
  content?: string | Array<OpenAITextContentPart | OpenAIRefusalContentPart> | null;
  refusal?: string | null;
  name?: string;
  tool_calls?: OpenAIToolCall[];
  function_call?: { name: string; arguments: string } | null;
  audio?: { id: string } | null;
  /** DeepSeek / vLLM / OpenRouter: the reasoning text of an earlier assistant turn. */
  reasoning_content?: string | null;
  reasoning?: string | null;
}

export interface OpenAIToolMessage {
  role: 'tool';
  content: string | OpenAITextContentPart[];
  tool_call_id: string;
}

export interface OpenAIFunctionMessage {
  role: 'function';
  content: string | null;
  name: string;
}

export type OpenAIMessage =
  | OpenAISystemMessage
  | OpenAIUserMessage
  | OpenAIAssistantMessage
  | OpenAIToolMessage
  | OpenAIFunctionMessage;

export interface OpenAIFunctionTool {
  type: 'function';
  function: { name: string; description?: string; parameters?: Record<string, unknown>; strict?: boolean | null };
}

export interface OpenAICustomTool {
  type: 'custom';
  custom: { name: string; description?: string; format?: unknown };
}

export type OpenAITool = OpenAIFunctionTool | OpenAICustomTool;

export type OpenAIToolChoice =
  | 'none'
  | 'auto'
  | 'required'
  | { type: 'function'; function: { name: string } }
  | { type: 'custom'; custom: { name: string } }
  | { type: 'allowed_tools'; allowed_tools: { mode: 'auto' | 'required'; tools: Array<Record<string, unknown>> } };

export type OpenAIResponseFormat =
  | { type: 'text' }
  | { type: 'json_object' }
  | {
      type: 'json_schema';
      json_schema: { name: string; description?: string; schema?: Record<string, unknown>; strict?: boolean | null };
    };

export const OPENAI_REASONING_EFFORTS = ['none', 'minimal', 'low', 'medium', 'high', 'xhigh', 'max'] as const;
export const OPENAI_SERVICE_TIERS = ['auto', 'default', 'flex', 'scale', 'priority', 'fast'] as const;

export interface OpenAIChatRequest {
  model: string;
  messages: OpenAIMessage[];
  audio?: unknown;
  frequency_penalty?: number | null;
  function_call?: unknown;
  functions?: unknown[];
  logit_bias?: Record<string, number> | null;
  logprobs?: boolean | null;
  max_completion_tokens?: number | null;
  max_tokens?: number | null;
  metadata?: Record<string, string> | null;
  modalities?: string[] | null;
  moderation?: unknown;
  n?: number | null;
  parallel_tool_calls?: boolean;
  prediction?: unknown;
  presence_penalty?: number | null;
  prompt_cache_key?: string | null;
  prompt_cache_options?: unknown;
  prompt_cache_retention?: 'in_memory' | '24h' | null;
  reasoning_effort?: (typeof OPENAI_REASONING_EFFORTS)[number] | null;
  response_format?: OpenAIResponseFormat;
  safety_identifier?: string | null;
  seed?: number | null;
  service_tier?: (typeof OPENAI_SERVICE_TIERS)[number] | null;
  stop?: string | string[] | null;
  store?: boolean | null;
  stream?: boolean | null;
  stream_options?: { include_usage?: boolean; include_obfuscation?: boolean } | null;
  temperature?: number | null;
  tool_choice?: OpenAIToolChoice;
  tools?: OpenAITool[];
  top_logprobs?: number | null;
  top_p?: number | null;
  user?: string;
  verbosity?: 'low' | 'medium' | 'high' | null;
  web_search_options?: unknown;
  /** Fields of OpenAI-compatible hosts (top_k, repetition_penalty, ...) when unknown fields are allowed. */
  [hostField: string]: unknown;
}

export type OpenAIFinishReason = 'stop' | 'length' | 'tool_calls' | 'content_filter' | 'function_call';

export interface OpenAIResponseMessage {
  role: 'assistant';
  content: string | null;
  refusal: string | null;
  tool_calls?: OpenAIToolCall[];
  annotations?: unknown[];
  audio?: unknown;
  function_call?: unknown;
  /** DeepSeek, vLLM: visible reasoning text. OpenRouter, Groq, Ollama name it `reasoning`. */
  reasoning_content?: string | null;
  reasoning?: string | null;
}

export interface OpenAIChoice {
  index: number;
  message: OpenAIResponseMessage;
  logprobs: unknown;
  finish_reason: OpenAIFinishReason | null;
}

export interface OpenAIChatResponse {
  id: string;
  object: 'chat.completion';
  created: number;
  model: string;
  choices: OpenAIChoice[];
  usage?: Record<string, unknown>;
  service_tier?: string | null;
  system_fingerprint?: string | null;
  [field: string]: unknown;
}

export interface OpenAIToolCallDelta {
  index: number;
  id?: string;
  type?: 'function' | 'custom';
  function?: { name?: string; arguments?: string };
  custom?: { name?: string; input?: string };
}

export interface OpenAIDelta {
  role?: 'assistant';
  content?: string | null;
  refusal?: string | null;
  tool_calls?: OpenAIToolCallDelta[];
  reasoning_content?: string | null;
  reasoning?: string | null;
  [field: string]: unknown;
}

export interface OpenAIChunkChoice {
  index: number;
  delta: OpenAIDelta;
  logprobs?: unknown;
  finish_reason: OpenAIFinishReason | null;
}

export interface OpenAIChatChunk {
  id: string;
  object: 'chat.completion.chunk';
  created: number;
  model: string;
  choices: OpenAIChunkChoice[];
  usage?: Record<string, unknown> | null;
  service_tier?: string | null;
  system_fingerprint?: string | null;
  [field: string]: unknown;
}
