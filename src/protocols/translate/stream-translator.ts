import type { Protocol } from '../canonical/protocol.ts';
import type { StreamDecoder, StreamEncoder } from '../canonical/stream-codec.ts';
import type { CanonicalStreamEvent } from '../canonical/stream-event.ts';
import { SseParser } from '../sse/sse-parser.ts';
import { createStreamDecoder, createStreamEncoder, type ProtocolOptions } from './codecs.ts';

export interface StreamTranslatorOptions {
  from?: ProtocolOptions;
  to?: ProtocolOptions;
  /** Sees every canonical event (usage metering, accumulation) without a second parse. */
  onEvent?: (event: CanonicalStreamEvent) => void;
}

/**
 * Upstream SSE bytes of one protocol in, client SSE text of another out, chunk by chunk:
 * SSE parser → stream decoder → (canonical events) → stream encoder. Each upstream event is
 * parsed once and each client event stringified once.
 */
export class StreamTranslator {
  readonly #parser = new SseParser();
  readonly #decoder: StreamDecoder;
  readonly #encoder: StreamEncoder;
  readonly #onEvent: ((event: CanonicalStreamEvent) => void) | undefined;

  constructor(from: Protocol, to: Protocol, options: StreamTranslatorOptions = {}) {
    this.#decoder = createStreamDecoder(from, options.from);
    this.#encoder = createStreamEncoder(to, options.to);
    this.#onEvent = options.onEvent;
  }

  /** Fields of either side that the translation could not carry. */
  get dropped(): string[] {
    return [...this.#decoder.dropped, ...this.#encoder.dropped];
  }

  push(chunk: string | Uint8Array): string {
    let output = '';
    for (const event of this.#parser.push(chunk)) output += this.#encode(this.#decoder.push(event));
    return output;
  }

  /** The upstream body ended: flushes, and closes the client stream (with an error if upstream was cut short). */
  end(): string {
    let output = '';
    for (const event of this.#parser.end()) output += this.#encode(this.#decoder.push(event));
    return output + this.#encode(this.#decoder.end());
  }

  #encode(events: CanonicalStreamEvent[]): string {
    let output = '';
    for (const event of events) {
      this.#onEvent?.(event);
      output += this.#encoder.push(event);
    }
    return output;
  }
}
