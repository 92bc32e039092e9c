import type { ErrorKind } from '../../protocols/errors/error-kind.ts';
import type { SseEvent } from '../../protocols/sse/sse-parser.ts';
import type { NormalizedUsage } from '../../usage/buckets.ts';

/** Turns an upstream event stream into the client's, event by event, noting usage and how it ended. */
export interface StreamRelay {
  /** Text for the client for one upstream event (may be empty). */
  push(event: SseEvent): string;
  /** The upstream body ended: closing text, with an error event when the stream was cut short. */
  finish(): string;
  /** The upstream connection failed mid-way: an error event in the client's protocol. */
  fail(kind: ErrorKind, message: string, errorClass: string): string;
  /** Generated content has reached the client. */
  readonly contentStarted: boolean;
  /** Null when the stream ended as its protocol says; else why it did not. */
  readonly errorClass: string | null;
  usage(): NormalizedUsage | undefined;
}
