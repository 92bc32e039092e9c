import type { NormalizedUsage, UsageFormat } from '../buckets.ts';
import { AnthropicStreamUsage } from './anthropic-stream-usage.ts';
import { FinalUsageStream } from './final-usage-stream.ts';

/** Collects the usage a streamed response reports, event by event (parsed SSE `data` objects). */
export interface StreamUsage {
  add(event: unknown): void;
  /** The stream's usage as buckets, identical to the non-stream response's. */
  result(): NormalizedUsage;
}

export type StreamUsageFormat = Exclude<UsageFormat, 'frugal'>;

export function createStreamUsage(format: StreamUsageFormat): StreamUsage {
  return format === 'anthropic' ? new AnthropicStreamUsage() : new FinalUsageStream(format);
}
