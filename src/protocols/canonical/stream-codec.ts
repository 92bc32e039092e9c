import type { SseEvent } from '../sse/sse-parser.ts';
import type { CanonicalStreamEvent } from './stream-event.ts';

/** Turns one protocol's SSE events into canonical stream events, keeping the state it needs. */
export interface StreamDecoder {
  push(event: SseEvent): CanonicalStreamEvent[];
  /**
   * The upstream body ended. If the protocol's terminal event never came, closes what is
   * open and reports an `error` event: the response was cut short.
   */
  end(): CanonicalStreamEvent[];
  /** Wire fields seen in the stream that the canonical events do not carry. */
  readonly dropped: string[];
}

/** Turns canonical stream events into one protocol's SSE text, ready to write to the client. */
export interface StreamEncoder {
  push(event: CanonicalStreamEvent): string;
  /** Canonical fields the protocol could not carry. */
  readonly dropped: string[];
}
