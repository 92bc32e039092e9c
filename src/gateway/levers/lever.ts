/**
 * The seam where the levers of token economics plug into the request path (DESIGN.md:
 * limits, response cache, shaping, routing). Each lever is a step with this one interface;
 * the gateway runs them in order after the model is resolved and before execution.
 */
import type { Attribution } from '../../ledger/records.ts';
import type { CanonicalRequest } from '../../protocols/canonical/request.ts';
import type { ModelTarget } from '../call/model-target.ts';

/** What a lever sees of a call, and the one change it can make to it. */
export interface LeverCall {
  readonly id: string;
  /** The wire format the client spoke ("openai-chat", "anthropic-messages"). */
  readonly clientProtocol: string;
  readonly attribution: Attribution;
  readonly target: ModelTarget | undefined;
  /** The request in canonical form, decoded when first read. */
  readonly canonical: CanonicalRequest;
  /** Sends `request` upstream instead of the client's body; the same-protocol fast path is then off. */
  rewrite(request: CanonicalRequest): void;
}

export interface Lever {
  readonly name: string;
  apply(call: LeverCall): void | Promise<void>;
}
