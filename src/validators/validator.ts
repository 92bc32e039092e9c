import type { CanonicalRequest } from '../protocols/canonical/request.ts';
import type { CanonicalResponse } from '../protocols/canonical/response.ts';
import type { ToolCallPart } from '../protocols/canonical/parts.ts';
import type { StopReason } from '../protocols/canonical/stop-reason.ts';

/** One answer to check: the visible text of one response choice, with the request that asked for it. */
export interface ValidationInput {
  request: CanonicalRequest;
  /** The visible text parts of the choice, joined (thinking excluded). */
  text: string;
  toolCalls: ToolCallPart[];
  stopReason: StopReason | null;
  /** Text of the provider's explicit refusal parts (OpenAI `refusal`), when any. */
  refusal?: string;
  /** The model that answered, when known. */
  model?: string;
  /** Further answers to the same request (other choices of an n > 1 call, other models); self-consistency votes over them. */
  samples?: string[];
}

/** A model call the gateway makes on a validator's behalf: routed through itself, priced and recorded. */
export interface Completion {
  response: CanonicalResponse;
  /** Integer pico-USD; null when the model is unpriced (never 0 for unknown). */
  costPicoUsd: number | null;
}

export type CompleteFunction = (request: CanonicalRequest, signal: AbortSignal) => Promise<Completion>;

export interface ValidationContext {
  signal: AbortSignal;
  /** Needed by validators that call a model (LLM judge, self-consistency with sample models). */
  complete?: CompleteFunction;
}

/** A model call a validator made; the gateway records each as a ledger attempt of kind `judge`. */
export interface ValidatorAttempt {
  model: string;
  purpose: 'judge' | 'sample';
  costPicoUsd: number | null;
  response: CanonicalResponse;
}

export interface ValidationVerdict {
  pass: boolean;
  /** In [0, 1] where the validator grades (judge score normalised, agreement share). */
  score?: number;
  reason: string;
  /** Sum of the attempts' costs; absent when there were none or one was unpriced. */
  costPicoUsd?: number;
  attempts?: ValidatorAttempt[];
}

export interface Validator {
  /** Instance name for logs and the ledger (`json-schema`, or the route's own label). */
  name: string;
  /** The validator type (`json-schema`, `regex`, `llm-judge`, ...). */
  kind: string;
  validate(input: ValidationInput, context: ValidationContext): Promise<ValidationVerdict>;
}
