import type { NormalizedUsage } from '../../usage/buckets.ts';
import { createStreamUsage, type StreamUsage } from '../../usage/stream/stream-usage.ts';
import type { StreamTap, UpstreamErrorInfo } from '../provider-adapter.ts';
import { eventData } from '../sse-event-bytes.ts';
import { readOpenAIError } from './read-openai-error.ts';

/** A delta that carries generated content (an empty first `"content":""` does not count). */
const CONTENT = /"(?:content|refusal|arguments|reasoning_content|reasoning)":"[^"]|"tool_calls":\[/;
const DONE = Buffer.from('[DONE]');
const USAGE = Buffer.from('"usage":');
const ERROR = Buffer.from('"error":');

/** A `"usage":` followed by an object (every chunk of a stream that asked for usage has `"usage":null`). */
function hasUsageObject(event: Buffer): boolean {
  for (let at = event.indexOf(USAGE); at !== -1; at = event.indexOf(USAGE, at + USAGE.length)) {
    let value = at + USAGE.length;
    while (event[value] === 0x20 || event[value] === 0x09 || event[value] === 0x0a || event[value] === 0x0d) value++;
    if (event[value] === 0x7b) return true;
  }
  return false;
}

/**
 * Chat Completions chunks on their way through, searched in their bytes: only chunks with
 * a `usage` object or an `error` key are decoded and parsed. The gateway asks upstream for
 * `include_usage`; when the client did not, the usage-only chunk (empty `choices`) is left
 * out of its stream.
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

  observe(event: Buffer): boolean {
    if (event.includes(DONE) && eventData(event) === '[DONE]') {
      this.finished = true;
      return true;
    }
    // One character per byte is enough for these ASCII markers, and needs no UTF-8 decoding.
    if (!this.contentStarted && CONTENT.test(event.toString('latin1'))) this.contentStarted = true;
    if (hasUsageObject(event)) {
      const chunk = JSON.parse(eventData(event)) as Record<string, unknown>;
      this.#usage.add(chunk);
      this.#seenUsage = true;
      const choices = chunk['choices'];
      if (!this.#clientWantsUsage && Array.isArray(choices) && choices.length === 0) return false;
    } else if (event.includes(ERROR)) {
      const chunk = JSON.parse(eventData(event)) as Record<string, unknown>;
      if (typeof chunk['error'] === 'object' && chunk['error'] !== null) this.error = readOpenAIError(500, chunk);
    }
    return true;
  }

  usage(): NormalizedUsage | undefined {
    return this.#seenUsage ? this.#usage.result() : undefined;
  }
}
