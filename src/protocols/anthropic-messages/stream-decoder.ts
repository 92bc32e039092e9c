import { AnthropicStreamUsage } from '../../usage/stream/anthropic-stream-usage.ts';
import { DropLog } from '../canonical/drop-log.ts';
import type { StreamDecoder } from '../canonical/stream-codec.ts';
import type { CanonicalStreamEvent, PartStart } from '../canonical/stream-event.ts';
import { errorKindForAnthropicType } from '../errors/anthropic-error-body.ts';
import type { SseEvent } from '../sse/sse-parser.ts';
import { stopReasonFromAnthropic } from './stop-reason.ts';
import type { AnthropicContentBlock, AnthropicOtherBlock, AnthropicStreamEvent } from './wire-types.ts';

const MESSAGE_FIELDS = new Set(['id', 'type', 'role', 'model', 'content', 'stop_reason', 'stop_sequence', 'usage']);
const DELTA_FIELDS = new Set(['stop_reason', 'stop_sequence']);

/**
 * Messages SSE events → canonical stream events. Block indexes become part indexes;
 * usage is merged as the API defines it (message_delta counts are cumulative and replace
 * message_start's). `ping` and unknown event types are ignored, as clients must.
 */
export class AnthropicStreamDecoder implements StreamDecoder {
  readonly #drops = new DropLog();
  readonly #usage = new AnthropicStreamUsage();
  /** Part index → whether it is an opaque block (its deltas pass through verbatim). */
  readonly #opaque = new Set<number>();
  readonly #open = new Set<number>();
  #done = false;

  get dropped(): string[] {
    return this.#drops.paths;
  }

  push(event: SseEvent): CanonicalStreamEvent[] {
    if (this.#done || event.event === 'ping') return [];
    const data = JSON.parse(event.data) as AnthropicStreamEvent;
    switch (data.type) {
      case 'message_start':
        return this.#messageStart(data);
      case 'content_block_start':
        return this.#blockStart(data.index, data.content_block);
      case 'content_block_delta':
        return this.#blockDelta(data);
      case 'content_block_stop':
        this.#open.delete(data.index);
        return [{ type: 'part_end', choice: 0, index: data.index }];
      case 'message_delta':
        return this.#messageDelta(data);
      case 'message_stop':
        this.#done = true;
        return [...this.#closeOpen(), { type: 'response_end' }];
      case 'error':
        this.#done = true;
        return [{ type: 'error', error: { kind: errorKindForAnthropicType(data.error?.type), message: data.error?.message ?? 'upstream error' } }];
      default:
        return [];
    }
  }

  end(): CanonicalStreamEvent[] {
    if (this.#done) return [];
    this.#done = true;
    return [...this.#closeOpen(), { type: 'error', error: { kind: 'server', message: 'The upstream stream ended before message_stop.' } }];
  }

  #closeOpen(): CanonicalStreamEvent[] {
    const events: CanonicalStreamEvent[] = [];
    for (const index of this.#open) events.push({ type: 'part_end', choice: 0, index });
    this.#open.clear();
    return events;
  }

  #usageEvent(): CanonicalStreamEvent {
    const usage = this.#usage.result();
    return { type: 'usage', usage: { ...usage, raw: { ...(usage.raw as object) } } };
  }

  #messageStart(data: AnthropicStreamEvent & { type: 'message_start' }): CanonicalStreamEvent[] {
    const message = data.message;
    const start: CanonicalStreamEvent & { type: 'response_start' } = { type: 'response_start', id: message.id, model: message.model };
    const tier = message.usage?.['service_tier'];
    if (typeof tier === 'string') start.serviceTier = tier;
    const extensions: Record<string, unknown> = {};
    for (const key in message) {
      if (!MESSAGE_FIELDS.has(key) && message[key] !== null && message[key] !== undefined) extensions[key] = message[key];
    }
    if (Object.keys(extensions).length > 0) start.extensions = { 'anthropic-messages': extensions };
    this.#usage.add(data);
    return message.usage === undefined ? [start] : [start, this.#usageEvent()];
  }

  #blockStart(index: number, block: AnthropicContentBlock | AnthropicOtherBlock): CanonicalStreamEvent[] {
    this.#open.add(index);
    let part: PartStart;
    const events: CanonicalStreamEvent[] = [];
    switch (block.type) {
      case 'text': {
        part = { type: 'text' };
        const text = (block as AnthropicContentBlock & { type: 'text' }).text;
        if (text !== '') events.push({ type: 'text_delta', choice: 0, index, text });
        break;
      }
      case 'thinking': {
        part = { type: 'thinking' };
        const thinking = block as AnthropicContentBlock & { type: 'thinking' };
        if (thinking.thinking !== '') events.push({ type: 'thinking_delta', choice: 0, index, text: thinking.thinking });
        if (thinking.signature !== '') events.push({ type: 'signature_delta', choice: 0, index, signature: thinking.signature });
        break;
      }
      case 'redacted_thinking':
        part = { type: 'redacted_thinking', data: (block as AnthropicContentBlock & { type: 'redacted_thinking' }).data };
        break;
      case 'tool_use': {
        const use = block as AnthropicContentBlock & { type: 'tool_use' };
        part = { type: 'tool_call', id: use.id, name: use.name };
        const input = use.input;
        if (typeof input === 'object' && input !== null && Object.keys(input).length > 0) {
          events.push({ type: 'tool_call_delta', choice: 0, index, arguments: JSON.stringify(input) });
        }
        break;
      }
      default:
        this.#opaque.add(index);
        part = { type: 'opaque', protocol: 'anthropic-messages', value: block };
    }
    return [{ type: 'part_start', choice: 0, index, part }, ...events];
  }

  #blockDelta(data: AnthropicStreamEvent & { type: 'content_block_delta' }): CanonicalStreamEvent[] {
    const index = data.index;
    const delta = data.delta;
    if (this.#opaque.has(index)) return [{ type: 'opaque_delta', choice: 0, index, protocol: 'anthropic-messages', delta }];
    switch (delta.type) {
      case 'text_delta':
        return [{ type: 'text_delta', choice: 0, index, text: delta.text }];
      // The API opens every tool_use block with an empty input_json_delta; encoders write that one themselves.
      case 'input_json_delta':
        return delta.partial_json === '' ? [] : [{ type: 'tool_call_delta', choice: 0, index, arguments: delta.partial_json }];
      case 'thinking_delta':
        return [{ type: 'thinking_delta', choice: 0, index, text: delta.thinking }];
      case 'signature_delta':
        return [{ type: 'signature_delta', choice: 0, index, signature: delta.signature }];
      default:
        this.#drops.add(`content.${index}.${(delta as { type: string }).type}`);
        return [];
    }
  }

  #messageDelta(data: AnthropicStreamEvent & { type: 'message_delta' }): CanonicalStreamEvent[] {
    this.#usage.add(data);
    const reason = stopReasonFromAnthropic(data.delta?.stop_reason ?? null);
    const events = reason === null ? [] : this.#closeOpen();
    if (reason !== null) {
      const end: CanonicalStreamEvent & { type: 'choice_end' } = { type: 'choice_end', choice: 0, stopReason: reason };
      if (typeof data.delta.stop_sequence === 'string') end.stopSequence = data.delta.stop_sequence;
      const extensions: Record<string, unknown> = {};
      for (const key in data.delta) {
        if (!DELTA_FIELDS.has(key) && data.delta[key] !== null && data.delta[key] !== undefined) extensions[key] = data.delta[key];
      }
      if (Object.keys(extensions).length > 0) end.extensions = { 'anthropic-messages': extensions };
      events.push(end);
    }
    if (data.usage !== undefined && data.usage !== null) events.push(this.#usageEvent());
    return events;
  }
}
