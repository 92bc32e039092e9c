import type { ErrorKind } from '../../protocols/errors/error-kind.ts';
import type { NormalizedUsage } from '../../usage/buckets.ts';

/**
 * Turns an upstream event stream into the client's, chunk by chunk, noting usage and how
 * it ended. Only whole events go to the client. An upstream event that cannot be read ends
 * the relay: the events before it go out, then an error event in the client's protocol.
 */
export interface StreamRelay {
  /** What the client gets for one chunk of the upstream body (may be empty). */
  push(chunk: Buffer): string | Buffer;
  /** The upstream body ended: the rest, with an error event when the stream was cut short. */
  finish(): string | Buffer;
  /** The upstream connection failed mid-way: an error event in the client's protocol. */
  fail(kind: ErrorKind, message: string, errorClass: string): string;
  /** An upstream event could not be read: nothing more is relayed. */
  readonly stopped: boolean;
  /** Generated content has reached the client. */
  readonly contentStarted: boolean;
  /** Null when the stream ended as its protocol says; else why it did not. */
  readonly errorClass: string | null;
  usage(): NormalizedUsage | undefined;
}

/** The error event that ends a relay at an upstream event it cannot read. */
export function unreadableEvent(relay: StreamRelay, provider: string): string {
  return relay.fail('server', `Provider "${provider}" sent a stream event that could not be read.`, 'upstream_invalid_response');
}
