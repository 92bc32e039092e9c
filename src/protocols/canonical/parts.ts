import type { Protocol } from './protocol.ts';

/** A prompt-cache breakpoint (Anthropic `cache_control`): the prefix up to here is cached for `ttl`. */
export interface CacheHint {
  ttl: '5m' | '1h';
}

export interface TextPart {
  type: 'text';
  text: string;
  cache?: CacheHint;
  /** Gemini's opaque `thoughtSignature` attached to a non-thought part; must be sent back verbatim. */
  thoughtSignature?: string;
}

export type ImageSource =
  | { kind: 'base64'; mediaType: string; data: string }
  | { kind: 'url'; url: string; mediaType?: string };

export interface ImagePart {
  type: 'image';
  source: ImageSource;
  /** OpenAI's `image_url.detail`. */
  detail?: 'auto' | 'low' | 'high' | 'original';
  cache?: CacheHint;
}

export interface ToolCallPart {
  type: 'tool_call';
  id: string;
  name: string;
  /** The arguments as JSON text, exactly as the model produced them (may be invalid JSON). */
  arguments: string;
  cache?: CacheHint;
  thoughtSignature?: string;
}

export interface ToolResultPart {
  type: 'tool_result';
  toolCallId: string;
  /** The called tool's name; Gemini requires it, the others infer it from the call id. */
  name?: string;
  content: Array<TextPart | ImagePart>;
  isError?: boolean;
  cache?: CacheHint;
}

/**
 * Visible reasoning. The two providers' signatures are kept apart: each provider only
 * accepts its own back, so a signature never crosses to the other protocol.
 */
export interface ThinkingPart {
  type: 'thinking';
  text: string;
  /** Anthropic's thinking-block `signature`. */
  signature?: string;
  /** Gemini's `thoughtSignature` on a thought part. */
  thoughtSignature?: string;
}

export interface RedactedThinkingPart {
  type: 'redacted_thinking';
  data: string;
}

/** OpenAI's `refusal`: the model declined, and says so in this text. */
export interface RefusalPart {
  type: 'refusal';
  text: string;
}

/** A part only one protocol has (an Anthropic document or server tool block, ...), kept verbatim. */
export interface OpaquePart {
  type: 'opaque';
  protocol: Protocol;
  value: unknown;
}

export type UserPart = TextPart | ImagePart | OpaquePart;
export type AssistantPart = TextPart | ToolCallPart | ThinkingPart | RedactedThinkingPart | RefusalPart | OpaquePart;
export type Part = UserPart | AssistantPart | ToolResultPart;
