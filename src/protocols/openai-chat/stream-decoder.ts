import { DropLog } from '../canonical/drop-log.ts';
import type { StreamDecoder } from '../canonical/stream-codec.ts';
import type { CanonicalStreamEvent, PartStart } from '../canonical/stream-event.ts';
import { usageFromFormat } from '../canonical/usage-for-format.ts';
import { errorKindForOpenAIError } from '../errors/openai-error-body.ts';
import type { SseEvent } from '../sse/sse-parser.ts';
import { OPENAI_DIALECT, type OpenAIDialect } from './dialect.ts';
import { stopReasonFromOpenAI } from './finish-reason.ts';
import type { OpenAIChatChunk, OpenAIChunkChoice, OpenAIToolCallDelta } from './wire-types.ts';

type OpenKind = 'text' | 'thinking' | 'refusal' | 'tool_call';

interface ChoiceState {
  nextIndex: number;
  open: { kind: OpenKind; index: number } | undefined;
  /** OpenAI tool-call index → canonical part index. */
  toolCalls: Map<number, number>;
  ended: boolean;
}

const CHUNK_FIELDS = new Set(['id', 'object', 'created', 'model', 'choices', 'usage', 'service_tier', 'system_fingerprint', 'obfuscation']);

/**
 * Chat Completions chunks (`data: {...}` … `data: [DONE]`) → canonical stream events.
 * Content, reasoning (DeepSeek `reasoning_content`, OpenRouter `reasoning`), refusal and
 * tool-call deltas each become a part; a change of kind closes the open part.
 */
export class OpenAIChatStreamDecoder implements StreamDecoder {
  readonly #dialect: OpenAIDialect;
  readonly #drops = new DropLog();
  readonly #choices = new Map<number, ChoiceState>();
  #started = false;
  #done = false;

  constructor(dialect: OpenAIDialect = OPENAI_DIALECT) {
    this.#dialect = dialect;
  }

  get dropped(): string[] {
    return this.#drops.paths;
  }

  push(event: SseEvent): CanonicalStreamEvent[] {
    if (this.#done) return [];
    if (event.data === '[DONE]') return this.#finish();
    const chunk = JSON.parse(event.data) as OpenAIChatChunk & { error?: Record<string, unknown> };
    const events: CanonicalStreamEvent[] = [];
    if (chunk.error !== undefined && chunk.error !== null) {
      this.#done = true;
      const message = typeof chunk.error['message'] === 'string' ? chunk.error['message'] : 'upstream error';
      events.push({ type: 'error', error: { kind: errorKindForOpenAIError(chunk.error), message } });
      return events;
    }
    if (!this.#started) this.#start(chunk, events);
    for (const choice of chunk.choices ?? []) this.#choice(choice, events);
    if (chunk.usage !== undefined && chunk.usage !== null) {
      const tier = typeof chunk.service_tier === 'string' ? chunk.service_tier : undefined;
      events.push({ type: 'usage', usage: usageFromFormat(chunk.usage, this.#dialect.usageFormat, tier) });
    }
    return events;
  }

  end(): CanonicalStreamEvent[] {
    if (this.#done) return [];
    const events = this.#closeAll();
    this.#done = true;
    events.push({ type: 'error', error: { kind: 'server', message: 'The upstream stream ended before data: [DONE].' } });
    return events;
  }

  #finish(): CanonicalStreamEvent[] {
    const events = this.#closeAll();
    this.#done = true;
    events.push({ type: 'response_end' });
    return events;
  }

  #start(chunk: OpenAIChatChunk, events: CanonicalStreamEvent[]): void {
    this.#started = true;
    const start: CanonicalStreamEvent & { type: 'response_start' } = { type: 'response_start', id: chunk.id, model: chunk.model };
    if (typeof chunk.created === 'number') start.created = chunk.created;
    if (typeof chunk.service_tier === 'string') start.serviceTier = chunk.service_tier;
    const extensions: Record<string, unknown> = {};
    for (const key in chunk) if (!CHUNK_FIELDS.has(key)) extensions[key] = chunk[key];
    if (typeof chunk.system_fingerprint === 'string') extensions['system_fingerprint'] = chunk.system_fingerprint;
    if (Object.keys(extensions).length > 0) start.extensions = { 'openai-chat': extensions };
    events.push(start);
  }

  #state(choice: number): ChoiceState {
    let state = this.#choices.get(choice);
    if (state === undefined) {
      state = { nextIndex: 0, open: undefined, toolCalls: new Map(), ended: false };
      this.#choices.set(choice, state);
    }
    return state;
  }

  #choice(choice: OpenAIChunkChoice, events: CanonicalStreamEvent[]): void {
    const state = this.#state(choice.index);
    const delta = choice.delta ?? {};
    const reasoning = delta.reasoning_content ?? delta.reasoning;
    if (typeof reasoning === 'string' && reasoning !== '') {
      const index = this.#ensure(state, choice.index, 'thinking', { type: 'thinking' }, events);
      events.push({ type: 'thinking_delta', choice: choice.index, index, text: reasoning });
    }
    if (typeof delta.content === 'string' && delta.content !== '') {
      const index = this.#ensure(state, choice.index, 'text', { type: 'text' }, events);
      events.push({ type: 'text_delta', choice: choice.index, index, text: delta.content });
    }
    if (typeof delta.refusal === 'string' && delta.refusal !== '') {
      const index = this.#ensure(state, choice.index, 'refusal', { type: 'refusal' }, events);
      events.push({ type: 'refusal_delta', choice: choice.index, index, text: delta.refusal });
    }
    for (const call of delta.tool_calls ?? []) this.#toolCall(state, choice.index, call, events);
    if (choice.logprobs !== undefined && choice.logprobs !== null) this.#drops.add(`choices[${choice.index}].logprobs`);
    if (choice.finish_reason !== null && choice.finish_reason !== undefined && !state.ended) {
      this.#close(state, choice.index, events);
      state.ended = true;
      const stopReason = stopReasonFromOpenAI(choice.finish_reason, state.toolCalls.size > 0) ?? 'other';
      events.push({ type: 'choice_end', choice: choice.index, stopReason });
    }
  }

  #toolCall(state: ChoiceState, choice: number, call: OpenAIToolCallDelta, events: CanonicalStreamEvent[]): void {
    let index = state.toolCalls.get(call.index);
    if (index === undefined) {
      this.#close(state, choice, events);
      index = state.nextIndex++;
      state.toolCalls.set(call.index, index);
      state.open = { kind: 'tool_call', index };
      const name = call.function?.name ?? call.custom?.name ?? '';
      events.push({ type: 'part_start', choice, index, part: { type: 'tool_call', id: call.id ?? '', name } });
    }
    const text = call.function?.arguments ?? call.custom?.input;
    if (typeof text === 'string' && text !== '') events.push({ type: 'tool_call_delta', choice, index, arguments: text });
  }

  #ensure(state: ChoiceState, choice: number, kind: OpenKind, part: PartStart, events: CanonicalStreamEvent[]): number {
    if (state.open?.kind === kind) return state.open.index;
    this.#close(state, choice, events);
    const index = state.nextIndex++;
    state.open = { kind, index };
    events.push({ type: 'part_start', choice, index, part });
    return index;
  }

  #close(state: ChoiceState, choice: number, events: CanonicalStreamEvent[]): void {
    if (state.open === undefined) return;
    events.push({ type: 'part_end', choice, index: state.open.index });
    state.open = undefined;
  }

  #closeAll(): CanonicalStreamEvent[] {
    const events: CanonicalStreamEvent[] = [];
    for (const [choice, state] of this.#choices) this.#close(state, choice, events);
    return events;
  }
}
