import type { ErrorKind } from '../../protocols/errors/error-kind.ts';
import type { SseEvent } from '../../protocols/sse/sse-parser.ts';
import { formatSseEvent } from '../../protocols/sse/sse-encoder.ts';
import type { StreamTap } from '../../providers/provider-adapter.ts';
import type { NormalizedUsage } from '../../usage/buckets.ts';
import type { ClientProtocol } from '../client-protocols/client-protocol.ts';
import type { StreamRelay } from './stream-relay.ts';

/**
 * The same-protocol stream: every upstream event goes to the client as it came (only the
 * usage chunk the client did not ask for is left out), while the tap reads usage. Events
 * are forwarded whole, so an error event appended after a cut never lands inside one.
 */
export class PassthroughStreamRelay implements StreamRelay {
  readonly #tap: StreamTap;
  readonly #client: ClientProtocol;
  #failure: string | null = null;

  constructor(tap: StreamTap, client: ClientProtocol) {
    this.#tap = tap;
    this.#client = client;
  }

  get contentStarted(): boolean {
    return this.#tap.contentStarted;
  }

  get errorClass(): string | null {
    if (this.#failure !== null) return this.#failure;
    return this.#tap.error === undefined ? null : 'upstream_stream_error';
  }

  push(event: SseEvent): string {
    return this.#tap.observe(event) ? formatSseEvent(event.data, event.event) : '';
  }

  finish(): string {
    if (this.#tap.finished || this.#tap.error !== undefined) return '';
    return this.fail('server', 'The upstream stream ended before it was complete.', 'stream_interrupted');
  }

  fail(kind: ErrorKind, message: string, errorClass: string): string {
    this.#failure = errorClass;
    return this.#client.errorEvent!(kind, message);
  }

  usage(): NormalizedUsage | undefined {
    return this.#tap.usage();
  }
}
