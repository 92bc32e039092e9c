import type { NormalizedUsage } from '../../usage/buckets.ts';
import { AnthropicStreamUsage } from '../../usage/stream/anthropic-stream-usage.ts';
import type { StreamTap, UpstreamErrorInfo } from '../provider-adapter.ts';
import { eventData, eventName, eventText } from '../sse-event-bytes.ts';
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

  observe(bytes: Buffer, start: number, end: number): boolean {
    switch (eventName(eventText(bytes, start, end))) {
      case 'content_block_delta':
        this.contentStarted = true;
        break;
      case 'message_start':
      case 'message_delta':
        this.#usage.add(JSON.parse(eventData(bytes, start, end)));
        this.#seenUsage = true;
        break;
      case 'message_stop':
        this.finished = true;
        break;
      case 'error':
        this.error = readAnthropicError(500, JSON.parse(eventData(bytes, start, end)));
        break;
    }
    return true;
  }

  usage(): NormalizedUsage | undefined {
    return this.#seenUsage ? this.#usage.result() : undefined;
  }
}
