import type { NormalizedUsage } from '../../usage/buckets.ts';
import type { AssistantPart } from './parts.ts';
import type { Extensions } from './protocol.ts';
import type { StopReason } from './stop-reason.ts';

export interface CanonicalChoice {
  index: number;
  content: AssistantPart[];
  stopReason: StopReason | null;
  /** The stop sequence that ended generation, when the provider says which. */
  stopSequence?: string;
  /** Per-choice wire fields not modelled (OpenAI `logprobs`, Gemini `safetyRatings`, ...). */
  extensions?: Extensions;
}

export interface CanonicalResponse {
  id: string;
  model: string;
  /** Unix seconds. */
  created?: number;
  /** Anthropic and most requests have one choice; OpenAI `n` and Gemini `candidateCount` more. */
  choices: CanonicalChoice[];
  usage?: NormalizedUsage;
  /** The service tier the provider says it used (OpenAI `service_tier`). */
  serviceTier?: string;
  extensions?: Extensions;
}
