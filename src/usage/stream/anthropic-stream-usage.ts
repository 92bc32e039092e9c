import type { NormalizedUsage } from '../buckets.ts';
import { FrugalError } from '../../errors/frugal-error.ts';
import { normalizeAnthropicUsage } from '../shapes/anthropic.ts';
import type { StreamUsage } from './stream-usage.ts';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Anthropic streams report usage in `message_start` (input side, first output count) and in
 * `message_delta` events whose counts are cumulative: a later value replaces the earlier one
 * for the same field, it is never added. Other event types are ignored.
 */
export class AnthropicStreamUsage implements StreamUsage {
  #usage: Record<string, unknown> | undefined;

  add(event: unknown): void {
    if (!isRecord(event)) return;
    if (event['type'] === 'message_start') {
      const message = event['message'];
      if (isRecord(message) && isRecord(message['usage'])) this.#usage = { ...message['usage'] };
      return;
    }
    if (event['type'] === 'message_delta' && isRecord(event['usage'])) {
      const usage = (this.#usage ??= {});
      for (const [key, value] of Object.entries(event['usage'])) {
        if (value !== null && value !== undefined) usage[key] = value;
      }
    }
  }

  result(): NormalizedUsage {
    if (this.#usage === undefined) {
      throw new FrugalError(
        'FRUGAL_INVALID_USAGE',
        'the Anthropic stream carried no usage (no message_start or message_delta event)',
      );
    }
    return normalizeAnthropicUsage(this.#usage);
  }
}
