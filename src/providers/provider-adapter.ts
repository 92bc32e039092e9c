/**
 * What the executor needs from an upstream provider family: where to send a call, how to
 * authenticate, how to encode the canonical request and decode the answer (whole or
 * streamed), and how to read its errors. One adapter per wire family lives in
 * `providers/<name>/`; every adapter passes the shared cases in adapter.case.test.ts.
 */
import type { ProviderType } from '../config/types.ts';
import type { Protocol } from '../protocols/canonical/protocol.ts';
import type { CanonicalRequest } from '../protocols/canonical/request.ts';
import type { CanonicalResponse } from '../protocols/canonical/response.ts';
import type { StreamDecoder } from '../protocols/canonical/stream-codec.ts';
import type { Translation } from '../protocols/canonical/translation.ts';
import type { ErrorKind } from '../protocols/errors/error-kind.ts';
import type { NormalizedUsage } from '../usage/buckets.ts';

/** An upstream error body read into one vocabulary. */
export interface UpstreamErrorInfo {
  kind: ErrorKind;
  message: string;
}

/**
 * Watches a same-protocol stream on its way to the client: reads usage from the few
 * events that carry it, notes when content starts and how the stream ended. Events are
 * seen as the bytes that came, so those it does not parse are never decoded.
 */
export interface StreamTap {
  /**
   * Looks at one upstream event, as the bytes of its lines and the blank line that ends
   * it. False leaves it out of the client's stream.
   */
  observe(event: Buffer): boolean;
  /** A content, reasoning or tool-call delta has been seen. */
  readonly contentStarted: boolean;
  /** The protocol's terminal event has been seen. */
  readonly finished: boolean;
  /** The error event the upstream sent inside the stream, if any. */
  readonly error: UpstreamErrorInfo | undefined;
  usage(): NormalizedUsage | undefined;
}

/** For clients that speak the provider's own protocol: the bytes go through untranslated. */
export interface Passthrough {
  /** Client headers forwarded upstream unchanged (protocol version, beta flags). */
  readonly forwardedHeaders: readonly string[];
  /**
   * The body to send upstream: the client's own `bytes` when nothing must change, else with
   * the model renamed and, for streams, usage asked for (`body`, the parsed bytes, is kept
   * in step).
   */
  prepare(body: Record<string, unknown>, bytes: Buffer, model: string): Buffer | string;
  /** Usage of a whole response body; undefined when it has none. */
  readUsage(body: unknown): NormalizedUsage | undefined;
  createTap(clientWantsUsage: boolean): StreamTap;
}

export interface ProviderAdapter {
  readonly type: ProviderType;
  readonly protocol: Protocol;
  /** Path (after the provider's base URL) of a chat call. */
  chatPath(model: string, stream: boolean): string;
  /** Path of the OpenAI-shaped embeddings endpoint, when the provider has one. */
  readonly embeddingsPath?: string;
  /** Path of the Anthropic-shaped token counting endpoint, when the provider has one. */
  readonly countTokensPath?: string;
  authHeaders(apiKey: string): Record<string, string>;
  encodeRequest(request: CanonicalRequest): Translation<object>;
  decodeResponse(body: unknown): Translation<CanonicalResponse>;
  createStreamDecoder(): StreamDecoder;
  readError(status: number, body: unknown): UpstreamErrorInfo;
  readonly passthrough?: Passthrough;
}
