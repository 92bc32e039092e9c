/**
 * A wire format clients speak to the gateway: how its bodies are checked and read, and how
 * answers and errors are written back in it. The gateway answers every request (errors
 * included) in the protocol the client spoke.
 */
import type { Protocol } from '../../protocols/canonical/protocol.ts';
import type { CanonicalRequest } from '../../protocols/canonical/request.ts';
import type { CanonicalResponse } from '../../protocols/canonical/response.ts';
import type { StreamEncoder } from '../../protocols/canonical/stream-codec.ts';
import type { ErrorKind } from '../../protocols/errors/error-kind.ts';

export type ClientProtocolName = 'openai-chat' | 'anthropic-messages' | 'openai-embeddings';

/** What the gateway reads from a request body before (or without) decoding all of it. */
export interface RequestSummary {
  model: string;
  stream: boolean;
  /** OpenAI `stream_options.include_usage`: the client wants the usage chunk. */
  includeUsage: boolean;
  /** OpenAI `user` / Anthropic `metadata.user_id`. */
  user: string | undefined;
}

export interface ClientProtocol {
  readonly name: ClientProtocolName;
  /** Which provider endpoint serves it. */
  readonly endpoint: 'chat' | 'embeddings';
  /** The provider wire this client speaks natively: equal to a provider's, the bytes go through untranslated. */
  readonly wire: Protocol;
  /** Checks a parsed body as the real API does; throws a protocol error carrying the API's own answer. */
  validate(body: unknown, requestId: string): Record<string, unknown>;
  summarize(body: Record<string, unknown>): RequestSummary;
  /** Absent when the gateway cannot translate this endpoint to another wire. */
  decode?(body: Record<string, unknown>): CanonicalRequest;
  encodeResponse?(response: CanonicalResponse): unknown;
  createStreamEncoder?(includeUsage: boolean): StreamEncoder;
  /** An error answer in this protocol's shape. */
  error(kind: ErrorKind, status: number, message: string, requestId: string): { status: number; body: unknown };
  /** An error event inside a started stream, in this protocol's shape (nothing else around it). */
  errorEvent?(kind: ErrorKind, message: string): string;
  /** The answer to a body that is not JSON, as the real API words it. */
  readonly invalidJsonMessage: string;
}
