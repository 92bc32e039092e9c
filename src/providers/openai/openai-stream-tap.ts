import type { NormalizedUsage } from '../../usage/buckets.ts';
import { createStreamUsage, type StreamUsage } from '../../usage/stream/stream-usage.ts';
import type { StreamTap, UpstreamErrorInfo } from '../provider-adapter.ts';
import { eventData, eventText } from '../sse-event-bytes.ts';
import { readOpenAIError } from './read-openai-error.ts';

/** A delta that carries generated content (an empty first `"content":""` does not count). */
const CONTENT = /"(?:content|refusal|arguments|reasoning_content|reasoning)":"[^"]|"tool_calls":\[/;
const USAGE = /"usage":\s*\{/;

/**
 * Chat Completions chunks on their way through: only chunks with a `usage` object or an
 * `error` key are parsed. The gateway asks upstream for `include_usage`; when the client
 * did not, the usage-only chunk (empty `choices`) is left out of its stream.
 */
export class OpenAIStreamTap implements StreamTap {
  readonly #clientWantsUsage: boolean;
  readonly #usage: StreamUsage;
  #seenUsage = false;
  contentStarted = false;
  finished = false;
  error: UpstreamErrorInfo | undefined;

  constructor(format: 'openai' | 'deepseek', clientWantsUsage: boolean) {
    this.#usage = createStreamUsage(format);
    this.#clientWantsUsage = clientWantsUsage;
  }

  observe(bytes: Buffer, start: number, end: number): boolean {
    const text = eventText(bytes, start, end);
    if (text.includes('[DONE]') && eventData(bytes, start, end) === '[DONE]') {
      this.finished = true;
      return true;
    }
    if (!this.contentStarted && CONTENT.test(text)) this.contentStarted = true;
    if (USAGE.test(text)) {
      const chunk = JSON.parse(eventData(bytes, start, end)) as Record<string, unknown>;
      this.#usage.add(chunk);
      this.#seenUsage = true;
      const choices = chunk['choices'];
      if (!this.#clientWantsUsage && Array.isArray(choices) && choices.length === 0) return false;
    } else if (text.includes('"error":')) {
      const chunk = JSON.parse(eventData(bytes, start, end)) as Record<string, unknown>;
      if (typeof chunk['error'] === 'object' && chunk['error'] !== null) this.error = readOpenAIError(500, chunk);
    }
    return true;
  }

  usage(): NormalizedUsage | undefined {
    return this.#seenUsage ? this.#usage.result() : undefined;
  }
}
