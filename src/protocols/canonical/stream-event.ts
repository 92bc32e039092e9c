import type { NormalizedUsage } from '../../usage/buckets.ts';
import type { ErrorKind } from '../errors/error-kind.ts';
import type { Extensions, Protocol } from './protocol.ts';
import type { StopReason } from './stop-reason.ts';

/** What a streamed part is, announced before its deltas. */
export type PartStart =
  | { type: 'text'; thoughtSignature?: string }
  | { type: 'thinking'; thoughtSignature?: string }
  | { type: 'redacted_thinking'; data: string }
  | { type: 'tool_call'; id: string; name: string; thoughtSignature?: string }
  | { type: 'refusal' }
  | { type: 'opaque'; protocol: Protocol; value: unknown };

export interface StreamError {
  kind: ErrorKind;
  message: string;
}

/**
 * One step of a streamed response, protocol-neutral. `choice` is the choice (candidate)
 * index, `index` the part's position in that choice's content. Parts start in index order;
 * a part's deltas come between its `part_start` and `part_end`. `usage` is cumulative: each
 * one replaces the previous.
 */
export type CanonicalStreamEvent =
  | { type: 'response_start'; id: string; model: string; created?: number; serviceTier?: string; extensions?: Extensions }
  | { type: 'part_start'; choice: number; index: number; part: PartStart }
  | { type: 'text_delta'; choice: number; index: number; text: string }
  | { type: 'thinking_delta'; choice: number; index: number; text: string }
  /** Anthropic's thinking signature, sent just before the thinking part ends. */
  | { type: 'signature_delta'; choice: number; index: number; signature: string }
  /** Gemini's `thoughtSignature` for the part at `index`, when it arrives after the part started. */
  | { type: 'thought_signature'; choice: number; index: number; signature: string }
  | { type: 'tool_call_delta'; choice: number; index: number; arguments: string }
  | { type: 'refusal_delta'; choice: number; index: number; text: string }
  | { type: 'opaque_delta'; choice: number; index: number; protocol: Protocol; delta: unknown }
  | { type: 'part_end'; choice: number; index: number }
  | { type: 'choice_end'; choice: number; stopReason: StopReason; stopSequence?: string; extensions?: Extensions }
  | { type: 'usage'; usage: NormalizedUsage }
  | { type: 'response_end' }
  | { type: 'error'; error: StreamError };
