import type { NormalizedUsage } from '../../usage/buckets.ts';
import type { AssistantPart } from '../canonical/parts.ts';
import type { Extensions } from '../canonical/protocol.ts';
import type { CanonicalChoice, CanonicalResponse } from '../canonical/response.ts';
import type { CanonicalStreamEvent, PartStart, StreamError } from '../canonical/stream-event.ts';
import { argumentsToObject } from '../canonical/tool-arguments.ts';

interface OpaqueBuild {
  value: Record<string, unknown>;
  json: string;
}

/**
 * Folds canonical stream events into the canonical response they describe, as the
 * non-stream call would have returned it (used by validators, the response cache and the
 * ledger). An Anthropic server-tool block's `input_json_delta`s are parsed into its `input`.
 */
export class StreamAccumulator {
  readonly #choices = new Map<number, CanonicalChoice>();
  readonly #opaque = new Map<AssistantPart, OpaqueBuild>();
  #id = '';
  #model = '';
  #created: number | undefined;
  #serviceTier: string | undefined;
  #extensions: Extensions | undefined;
  #usage: NormalizedUsage | undefined;
  #error: StreamError | undefined;
  #ended = false;

  /** The stream's error event, if it had one. */
  get error(): StreamError | undefined {
    return this.#error;
  }

  /** Whether the stream reached its end event. */
  get ended(): boolean {
    return this.#ended;
  }

  push(event: CanonicalStreamEvent): void {
    switch (event.type) {
      case 'response_start':
        this.#id = event.id;
        this.#model = event.model;
        this.#created = event.created;
        this.#serviceTier = event.serviceTier;
        this.#extensions = event.extensions;
        return;
      case 'part_start':
        this.#choice(event.choice).content[event.index] = this.#startPart(event.part);
        return;
      case 'text_delta':
      case 'thinking_delta':
      case 'refusal_delta': {
        const part = this.#part(event.choice, event.index);
        if (part !== undefined && (part.type === 'text' || part.type === 'thinking' || part.type === 'refusal')) part.text += event.text;
        return;
      }
      case 'tool_call_delta': {
        const part = this.#part(event.choice, event.index);
        if (part?.type === 'tool_call') part.arguments += event.arguments;
        return;
      }
      case 'signature_delta': {
        const part = this.#part(event.choice, event.index);
        if (part?.type === 'thinking') part.signature = (part.signature ?? '') + event.signature;
        return;
      }
      case 'thought_signature': {
        const part = this.#part(event.choice, event.index);
        if (part !== undefined && (part.type === 'text' || part.type === 'thinking' || part.type === 'tool_call')) {
          part.thoughtSignature = event.signature;
        }
        return;
      }
      case 'opaque_delta': {
        const part = this.#part(event.choice, event.index);
        const build = part === undefined ? undefined : this.#opaque.get(part);
        const delta = event.delta as { type?: string; partial_json?: string };
        if (build !== undefined && delta.type === 'input_json_delta') build.json += delta.partial_json ?? '';
        return;
      }
      case 'part_end': {
        const part = this.#part(event.choice, event.index);
        const build = part === undefined ? undefined : this.#opaque.get(part);
        if (build !== undefined && build.json !== '') build.value['input'] = argumentsToObject(build.json).value;
        return;
      }
      case 'choice_end': {
        const choice = this.#choice(event.choice);
        choice.stopReason = event.stopReason;
        if (event.stopSequence !== undefined) choice.stopSequence = event.stopSequence;
        if (event.extensions !== undefined) choice.extensions = event.extensions;
        return;
      }
      case 'usage':
        this.#usage = event.usage;
        return;
      case 'response_end':
        this.#ended = true;
        return;
      case 'error':
        this.#error = event.error;
    }
  }

  result(): CanonicalResponse {
    const choices = [...this.#choices.values()].sort((a, b) => a.index - b.index);
    for (const choice of choices) choice.content = choice.content.filter((part) => part !== undefined);
    const response: CanonicalResponse = { id: this.#id, model: this.#model, choices };
    if (this.#created !== undefined) response.created = this.#created;
    if (this.#usage !== undefined) response.usage = this.#usage;
    if (this.#serviceTier !== undefined) response.serviceTier = this.#serviceTier;
    if (this.#extensions !== undefined) response.extensions = this.#extensions;
    return response;
  }

  #choice(index: number): CanonicalChoice {
    let choice = this.#choices.get(index);
    if (choice === undefined) {
      choice = { index, content: [], stopReason: null };
      this.#choices.set(index, choice);
    }
    return choice;
  }

  #part(choice: number, index: number): AssistantPart | undefined {
    return this.#choices.get(choice)?.content[index];
  }

  #startPart(start: PartStart): AssistantPart {
    switch (start.type) {
      case 'text':
        return start.thoughtSignature === undefined ? { type: 'text', text: '' } : { type: 'text', text: '', thoughtSignature: start.thoughtSignature };
      case 'thinking':
        return start.thoughtSignature === undefined
          ? { type: 'thinking', text: '' }
          : { type: 'thinking', text: '', thoughtSignature: start.thoughtSignature };
      case 'redacted_thinking':
        return { type: 'redacted_thinking', data: start.data };
      case 'tool_call': {
        const call: AssistantPart = { type: 'tool_call', id: start.id, name: start.name, arguments: '' };
        if (start.thoughtSignature !== undefined) call.thoughtSignature = start.thoughtSignature;
        return call;
      }
      case 'refusal':
        return { type: 'refusal', text: '' };
      case 'opaque': {
        const value = typeof start.value === 'object' && start.value !== null ? { ...(start.value as Record<string, unknown>) } : {};
        const part: AssistantPart = { type: 'opaque', protocol: start.protocol, value };
        this.#opaque.set(part, { value, json: '' });
        return part;
      }
    }
  }
}
