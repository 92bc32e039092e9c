import type { NormalizedUsage } from '../../usage/buckets.ts';
import { AnthropicStreamUsage } from '../../usage/stream/anthropic-stream-usage.ts';
import type { StreamTap, UpstreamErrorInfo } from '../provider-adapter.ts';
import { eventData, eventName } from '../sse-event-bytes.ts';
import { readAnthropicError } from './read-anthropic-error.ts';

/**
 * Messages events on their way through, told apart by their `event:` name: only
 * `message_start` and `message_delta` (usage) and `error` are parsed. Nothing is removed.
 */
export class AnthropicStreamTap implements StreamTap {
  readonly #usage = new AnthropicStreamUsage();
  #seenUsage = false;
  contentStarted = false;
  finished = false;
  error: UpstreamErrorInfo | undefined;

  observe(event: Buffer): boolean {
    switch (eventName(event)) {
      case 'content_block_delta':
        this.contentStarted = true;
        break;
      case 'message_start':
      case 'message_delta':
        this.#usage.add(JSON.parse(eventData(event)));
        this.#seenUsage = true;
        break;
      case 'message_stop':
        this.finished = true;
        break;
      case 'error':
        this.error = readAnthropicError(500, JSON.parse(eventData(event)));
        break;
    }
    return true;
  }

  usage(): NormalizedUsage | undefined {
    return this.#seenUsage ? this.#usage.result() : undefined;
  }
}
