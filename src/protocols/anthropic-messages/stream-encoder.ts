import type { NormalizedUsage } from '../../usage/buckets.ts';
import { encodeAnthropicUsage } from '../../usage/shapes/anthropic.ts';
import { emptyBuckets } from '../../usage/buckets.ts';
import { DropLog } from '../canonical/drop-log.ts';
import { ownExtensions } from '../canonical/extensions.ts';
import type { StreamEncoder } from '../canonical/stream-codec.ts';
import type { CanonicalStreamEvent, PartStart } from '../canonical/stream-event.ts';
import type { StopReason } from '../canonical/stop-reason.ts';
import { usageForFormat } from '../canonical/usage-for-format.ts';
import { anthropicError } from '../errors/anthropic-error-body.ts';
import { stopReasonToAnthropic } from './stop-reason.ts';

type ResponseStart = CanonicalStreamEvent & { type: 'response_start' };

function sse(event: string, data: string): string {
  return `event: ${event}\ndata: ${data}\n\n`;
}

/**
 * Canonical stream events → Messages SSE, in the API's order: message_start (with the
 * usage known so far), per block content_block_start / ping after the first /
 * content_block_delta… / content_block_stop, then message_delta with the stop reason and
 * cumulative usage, and message_stop. Only choice 0 exists on this wire.
 */
export class AnthropicStreamEncoder implements StreamEncoder {
  readonly #drops = new DropLog();
  /** Canonical part index → block index on this wire (parts it cannot carry get none). */
  readonly #blocks = new Map<number, number>();
  #nextBlock = 0;
  #openBlock: number | undefined;
  #pendingStart: ResponseStart | undefined;
  #started = false;
  #pinged = false;
  #usage: NormalizedUsage | undefined;
  #stopReason: StopReason | undefined;
  #stopSequence: string | undefined;
  #stopExtensions: Record<string, unknown> | undefined;
  #closed = false;

  get dropped(): string[] {
    return this.#drops.paths;
  }

  push(event: CanonicalStreamEvent): string {
    if (this.#closed) return '';
    if (event.type === 'response_start') {
      this.#pendingStart = event;
      return '';
    }
    if (event.type === 'usage') {
      this.#usage = event.usage;
      return '';
    }
    if ('choice' in event && event.choice !== 0) {
      this.#drops.add(`choices[${event.choice}]`);
      return '';
    }
    const head = this.#flushStart();
    switch (event.type) {
      case 'part_start':
        return head + this.#partStart(event.index, event.part);
      case 'text_delta':
      case 'refusal_delta':
        return head + this.#delta(event.index, `{"type":"text_delta","text":${JSON.stringify(event.text)}}`);
      case 'thinking_delta':
        return head + this.#delta(event.index, `{"type":"thinking_delta","thinking":${JSON.stringify(event.text)}}`);
      case 'signature_delta':
        return head + this.#delta(event.index, `{"type":"signature_delta","signature":${JSON.stringify(event.signature)}}`);
      case 'thought_signature':
        this.#drops.add(`choices[0].content[${event.index}].thoughtSignature`);
        return head;
      case 'tool_call_delta':
        return head + this.#delta(event.index, `{"type":"input_json_delta","partial_json":${JSON.stringify(event.arguments)}}`);
      case 'opaque_delta':
        if (event.protocol !== 'anthropic-messages') {
          this.#drops.add(`choices[0].content[${event.index}]`);
          return head;
        }
        return head + this.#delta(event.index, JSON.stringify(event.delta));
      case 'part_end':
        return head + (this.#blocks.get(event.index) === this.#openBlock ? this.#closeBlock() : '');
      case 'choice_end':
        this.#stopReason = event.stopReason;
        this.#stopSequence = event.stopSequence;
        this.#stopExtensions = this.#drops.collect((dropped) => ownExtensions(event.extensions, 'anthropic-messages', dropped, 'choices[0].extensions'));
        return head + this.#closeBlock();
      case 'response_end':
        return head + this.#end();
      case 'error': {
        this.#closed = true;
        const { body } = anthropicError({ kind: event.error.kind, message: event.error.message });
        return head + sse('error', JSON.stringify({ type: 'error', error: body.error }));
      }
    }
  }

  #flushStart(): string {
    if (this.#started) return '';
    this.#started = true;
    const start = this.#pendingStart ?? { type: 'response_start', id: 'msg_unknown', model: 'unknown' };
    const known = this.#usage;
    const usage = known === undefined ? encodeAnthropicUsage(emptyBuckets()) : this.#drops.collect((dropped) => usageForFormat(known, 'anthropic', dropped));
    const message: Record<string, unknown> = {
      id: start.id,
      type: 'message',
      role: 'assistant',
      model: start.model,
      content: [],
      stop_reason: null,
      stop_sequence: null,
      stop_details: null,
      usage,
    };
    Object.assign(message, this.#drops.collect((dropped) => ownExtensions(start.extensions, 'anthropic-messages', dropped)));
    return sse('message_start', JSON.stringify({ type: 'message_start', message }));
  }

  #partStart(index: number, part: PartStart): string {
    let block: unknown;
    switch (part.type) {
      case 'text':
        if (part.thoughtSignature !== undefined) this.#drops.add(`choices[0].content[${index}].thoughtSignature`);
        block = { type: 'text', text: '' };
        break;
      case 'refusal':
        block = { type: 'text', text: '' };
        break;
      case 'thinking':
        if (part.thoughtSignature !== undefined) this.#drops.add(`choices[0].content[${index}].thoughtSignature`);
        block = { type: 'thinking', thinking: '', signature: '' };
        break;
      case 'redacted_thinking':
        block = { type: 'redacted_thinking', data: part.data };
        break;
      case 'tool_call':
        if (part.thoughtSignature !== undefined) this.#drops.add(`choices[0].content[${index}].thoughtSignature`);
        block = { type: 'tool_use', id: part.id, name: part.name, input: {} };
        break;
      case 'opaque':
        if (part.protocol !== 'anthropic-messages') {
          this.#drops.add(`choices[0].content[${index}]`);
          return '';
        }
        block = part.value;
    }
    let text = this.#closeBlock();
    const blockIndex = this.#nextBlock++;
    this.#blocks.set(index, blockIndex);
    this.#openBlock = blockIndex;
    text += sse('content_block_start', `{"type":"content_block_start","index":${blockIndex},"content_block":${JSON.stringify(block)}}`);
    if (!this.#pinged) {
      this.#pinged = true;
      text += sse('ping', '{"type": "ping"}');
    }
    if (part.type === 'tool_call') text += this.#delta(index, '{"type":"input_json_delta","partial_json":""}');
    return text;
  }

  #delta(index: number, delta: string): string {
    const block = this.#blocks.get(index);
    if (block === undefined || block !== this.#openBlock) {
      if (block !== undefined) this.#drops.add(`choices[0].content[${index}].late_delta`);
      return '';
    }
    return sse('content_block_delta', `{"type":"content_block_delta","index":${block},"delta":${delta}}`);
  }

  #closeBlock(): string {
    if (this.#openBlock === undefined) return '';
    const index = this.#openBlock;
    this.#openBlock = undefined;
    return sse('content_block_stop', `{"type":"content_block_stop","index":${index}}`);
  }

  #end(): string {
    this.#closed = true;
    const buckets = this.#usage?.buckets ?? emptyBuckets();
    if (this.#usage === undefined) this.#drops.add('usage');
    const usage: Record<string, unknown> = {
      input_tokens: buckets.input,
      cache_creation_input_tokens: buckets.cacheWrite5m + buckets.cacheWrite1h,
      cache_read_input_tokens: buckets.cacheRead,
      output_tokens: buckets.output + buckets.reasoning,
      output_tokens_details: { thinking_tokens: buckets.reasoning },
    };
    const delta: Record<string, unknown> = {
      stop_reason: stopReasonToAnthropic(this.#stopReason ?? 'end_turn'),
      stop_sequence: this.#stopSequence ?? null,
      stop_details: null,
    };
    Object.assign(delta, this.#stopExtensions);
    return (
      this.#closeBlock() +
      sse('message_delta', JSON.stringify({ type: 'message_delta', delta, usage })) +
      sse('message_stop', '{"type":"message_stop"}')
    );
  }
}
