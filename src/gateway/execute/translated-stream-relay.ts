import type { StreamDecoder, StreamEncoder } from '../../protocols/canonical/stream-codec.ts';
import type { CanonicalStreamEvent } from '../../protocols/canonical/stream-event.ts';
import type { ErrorKind } from '../../protocols/errors/error-kind.ts';
import { SseParser } from '../../protocols/sse/sse-parser.ts';
import type { NormalizedUsage } from '../../usage/buckets.ts';
import { unreadableEvent, type StreamRelay } from './stream-relay.ts';

/**
 * A stream in another protocol: upstream events are decoded to canonical events and
 * encoded in the client's protocol as they arrive; nothing is buffered. An id or model
 * the upstream leaves empty (Gemini may) is filled from the call.
 */
export class TranslatedStreamRelay implements StreamRelay {
  readonly #decoder: StreamDecoder;
  readonly #encoder: StreamEncoder;
  readonly #identity: { id: string; model: string };
  readonly #provider: string;
  readonly #parser = new SseParser();
  #usage: NormalizedUsage | undefined;
  #contentStarted = false;
  #errorClass: string | null = null;
  stopped = false;

  constructor(decoder: StreamDecoder, encoder: StreamEncoder, identity: { id: string; model: string }, provider: string) {
    this.#decoder = decoder;
    this.#encoder = encoder;
    this.#identity = identity;
    this.#provider = provider;
  }

  get contentStarted(): boolean {
    return this.#contentStarted;
  }

  get errorClass(): string | null {
    return this.#errorClass;
  }

  push(chunk: Buffer): string {
    let text = '';
    try {
      for (const event of this.#parser.push(chunk)) text += this.#encode(this.#decoder.push(event), 'upstream_stream_error');
    } catch {
      this.stopped = true;
      return text + unreadableEvent(this, this.#provider);
    }
    return text;
  }

  finish(): string {
    let text = '';
    try {
      for (const event of this.#parser.end()) text += this.#encode(this.#decoder.push(event), 'upstream_stream_error');
      return text + this.#encode(this.#decoder.end(), 'stream_interrupted');
    } catch {
      this.stopped = true;
      return text + unreadableEvent(this, this.#provider);
    }
  }

  fail(kind: ErrorKind, message: string, errorClass: string): string {
    return this.#encode([{ type: 'error', error: { kind, message } }], errorClass);
  }

  usage(): NormalizedUsage | undefined {
    return this.#usage;
  }

  #encode(events: CanonicalStreamEvent[], errorClass: string): string {
    let text = '';
    for (const event of events) {
      switch (event.type) {
        case 'response_start':
          if (event.id === '') event.id = this.#identity.id;
          if (event.model === '') event.model = this.#identity.model;
          break;
        case 'usage':
          this.#usage = event.usage;
          break;
        case 'text_delta':
        case 'thinking_delta':
        case 'tool_call_delta':
        case 'refusal_delta':
          this.#contentStarted = true;
          break;
        case 'error':
          this.#errorClass ??= errorClass;
          break;
      }
      text += this.#encoder.push(event);
    }
    return text;
  }
}
