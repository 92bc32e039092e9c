import type { ErrorKind } from '../../protocols/errors/error-kind.ts';
import type { StreamTap } from '../../providers/provider-adapter.ts';
import type { NormalizedUsage } from '../../usage/buckets.ts';
import type { ClientProtocol } from '../client-protocols/client-protocol.ts';
import { SseEventBoundaries } from './sse-event-boundaries.ts';
import { unreadableEvent, type StreamRelay } from './stream-relay.ts';

const CONTENT = /[^\r\n]/;

/** What completes a last event that came without its blank line. */
function blankLineAfter(event: Buffer): string {
  return event.at(-1) === 10 ? '\n' : '\n\n';
}

/**
 * The same-protocol stream: the upstream's bytes go to the client as they came, never
 * decoded or re-encoded, while the tap reads usage from the few events that carry it. Only
 * the usage chunk the client did not ask for is left out. Bytes are held back only while
 * an event is incomplete, so an error event appended after a cut never lands inside one.
 */
export class PassthroughStreamRelay implements StreamRelay {
  readonly #tap: StreamTap;
  readonly #client: ClientProtocol;
  readonly #provider: string;
  readonly #boundaries = new SseEventBoundaries();
  /** The start of an event whose blank line has not come yet. */
  #partial: Buffer | undefined;
  #failure: string | null = null;
  stopped = false;

  constructor(tap: StreamTap, client: ClientProtocol, provider: string) {
    this.#tap = tap;
    this.#client = client;
    this.#provider = provider;
  }

  get contentStarted(): boolean {
    return this.#tap.contentStarted;
  }

  get errorClass(): string | null {
    if (this.#failure !== null) return this.#failure;
    return this.#tap.error === undefined ? null : 'upstream_stream_error';
  }

  push(chunk: Buffer): string | Buffer {
    const partial = this.#partial;
    const bytes = partial === undefined ? chunk : Buffer.concat([partial, chunk]);
    // Events [kept, start) go out as one slice; a left-out event splits it into parts.
    let start = 0;
    let kept = 0;
    let parts: Buffer[] | undefined;
    try {
      for (const end of this.#boundaries.scan(bytes, partial?.length ?? 0)) {
        if (!this.#tap.observe(bytes.subarray(start, end))) {
          (parts ??= []).push(bytes.subarray(kept, start));
          kept = end;
        }
        start = end;
      }
    } catch {
      this.stopped = true;
      this.#partial = undefined;
      return Buffer.concat([...(parts ?? []), bytes.subarray(kept, start), Buffer.from(unreadableEvent(this, this.#provider))]);
    }
    // A copy: the held bytes must not keep the whole upstream chunk alive.
    this.#partial = start === bytes.length ? undefined : Buffer.from(bytes.subarray(start));
    if (parts === undefined) return bytes.subarray(kept, start);
    parts.push(bytes.subarray(kept, start));
    return Buffer.concat(parts);
  }

  finish(): string | Buffer {
    let last: Buffer | undefined;
    const rest = this.#partial;
    this.#partial = undefined;
    if (rest !== undefined) {
      if (!CONTENT.test(rest.toString('latin1'))) {
        last = rest;
      } else {
        const event = Buffer.concat([rest, Buffer.from(blankLineAfter(rest))]);
        try {
          if (this.#tap.observe(event)) last = event;
        } catch {
          this.stopped = true;
          return unreadableEvent(this, this.#provider);
        }
      }
    }
    const closing = this.#tap.finished || this.#tap.error !== undefined ? '' : this.fail('server', 'The upstream stream ended before it was complete.', 'stream_interrupted');
    if (last === undefined) return closing;
    return closing === '' ? last : Buffer.concat([last, Buffer.from(closing)]);
  }

  fail(kind: ErrorKind, message: string, errorClass: string): string {
    this.#failure = errorClass;
    return this.#client.errorEvent!(kind, message);
  }

  usage(): NormalizedUsage | undefined {
    return this.#tap.usage();
  }
}
