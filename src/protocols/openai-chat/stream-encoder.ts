import { DropLog } from '../canonical/drop-log.ts';
import { ownExtensions } from '../canonical/extensions.ts';
import type { NormalizedUsage } from '../../usage/buckets.ts';
import type { StreamEncoder } from '../canonical/stream-codec.ts';
import type { CanonicalStreamEvent, PartStart } from '../canonical/stream-event.ts';
import { usageForFormat } from '../canonical/usage-for-format.ts';
import { openAIError } from '../errors/openai-error-body.ts';
import { formatSseEvent } from '../sse/sse-encoder.ts';
import { OPENAI_DIALECT, type OpenAIDialect } from './dialect.ts';
import { stopReasonToOpenAI } from './finish-reason.ts';
import { reportedTierToOpenAI } from './service-tier.ts';

export interface OpenAIStreamEncoderOptions {
  dialect?: OpenAIDialect;
  /** The client asked for `stream_options.include_usage`: a final chunk with empty `choices` and the usage. */
  includeUsage?: boolean;
}

interface ChoiceState {
  started: boolean;
  /** Canonical part index → OpenAI tool-call index. */
  toolCalls: Map<number, number>;
}

const DONE = 'data: [DONE]\n\n';
const DELTA_TAIL = ',"logprobs":null,"finish_reason":null}]';

/**
 * Canonical stream events → Chat Completions SSE chunks, shaped like api.openai.com's:
 * a first delta with the role, content / tool-call / refusal deltas, a finish chunk with an
 * empty delta, the usage chunk with empty `choices` (when asked), then `data: [DONE]`.
 * Each chunk is the cached id/model prefix plus one small stringified delta.
 */
export class OpenAIChatStreamEncoder implements StreamEncoder {
  readonly #dialect: OpenAIDialect;
  readonly #includeUsage: boolean;
  readonly #drops = new DropLog();
  readonly #choices = new Map<number, ChoiceState>();
  #prefix = '';
  #usage: NormalizedUsage | undefined;
  #closed = false;

  constructor(options: OpenAIStreamEncoderOptions = {}) {
    this.#dialect = options.dialect ?? OPENAI_DIALECT;
    this.#includeUsage = options.includeUsage ?? false;
  }

  get dropped(): string[] {
    return this.#drops.paths;
  }

  push(event: CanonicalStreamEvent): string {
    if (this.#closed) return '';
    switch (event.type) {
      case 'response_start':
        return this.#start(event);
      case 'part_start':
        return this.#partStart(event.choice, event.index, event.part);
      case 'text_delta':
        return this.#delta(event.choice, `{"content":${JSON.stringify(event.text)}}`);
      case 'refusal_delta':
        return this.#delta(event.choice, `{"refusal":${JSON.stringify(event.text)}}`);
      case 'thinking_delta':
        if (this.#dialect.reasoningField === undefined) {
          this.#drops.add(`choices[${event.choice}].thinking`);
          return '';
        }
        return this.#delta(event.choice, `{"${this.#dialect.reasoningField}":${JSON.stringify(event.text)}}`);
      case 'tool_call_delta': {
        const toolIndex = this.#state(event.choice).toolCalls.get(event.index);
        if (toolIndex === undefined) return '';
        return this.#delta(event.choice, `{"tool_calls":[{"index":${toolIndex},"function":{"arguments":${JSON.stringify(event.arguments)}}}]}`);
      }
      case 'signature_delta':
        this.#drops.add(`choices[${event.choice}].content[${event.index}].signature`);
        return '';
      case 'thought_signature':
        this.#drops.add(`choices[${event.choice}].content[${event.index}].thoughtSignature`);
        return '';
      case 'opaque_delta':
        this.#drops.add(`choices[${event.choice}].content[${event.index}]`);
        return '';
      case 'part_end':
        return '';
      case 'choice_end': {
        if (event.stopSequence !== undefined) this.#drops.add(`choices[${event.choice}].stopSequence`);
        const state = this.#state(event.choice);
        const opening = state.started ? '' : this.#delta(event.choice, '{"role":"assistant","content":"","refusal":null}');
        state.started = true;
        return opening + this.#chunk(`[{"index":${event.choice},"delta":{},"logprobs":null,"finish_reason":"${stopReasonToOpenAI(event.stopReason)}"}]`);
      }
      case 'usage':
        this.#usage = event.usage;
        return '';
      case 'response_end':
        return this.#end();
      case 'error': {
        this.#closed = true;
        const { body } = openAIError({ kind: event.error.kind, message: event.error.message });
        return formatSseEvent(JSON.stringify(body));
      }
    }
  }

  #start(event: CanonicalStreamEvent & { type: 'response_start' }): string {
    const created = event.created ?? Math.floor(Date.now() / 1000);
    let prefix = `{"id":${JSON.stringify(event.id)},"object":"chat.completion.chunk","created":${created},"model":${JSON.stringify(event.model)}`;
    if (event.serviceTier !== undefined) {
      const tier = reportedTierToOpenAI(event.serviceTier);
      if (tier === undefined) this.#drops.add('serviceTier');
      else prefix += `,"service_tier":${JSON.stringify(tier)}`;
    }
    const own = this.#drops.collect((dropped) => ownExtensions(event.extensions, 'openai-chat', dropped));
    if (own !== undefined) for (const key in own) prefix += `,${JSON.stringify(key)}:${JSON.stringify(own[key])}`;
    this.#prefix = `${prefix},"choices":`;
    return '';
  }

  #state(choice: number): ChoiceState {
    let state = this.#choices.get(choice);
    if (state === undefined) {
      state = { started: false, toolCalls: new Map() };
      this.#choices.set(choice, state);
    }
    return state;
  }

  #partStart(choice: number, index: number, part: PartStart): string {
    const state = this.#state(choice);
    const role = state.started ? '' : '"role":"assistant",';
    const first = !state.started;
    state.started = true;
    switch (part.type) {
      case 'tool_call': {
        const toolIndex = state.toolCalls.size;
        state.toolCalls.set(index, toolIndex);
        if (part.thoughtSignature !== undefined) this.#drops.add(`choices[${choice}].content[${index}].thoughtSignature`);
        const call = `"tool_calls":[{"index":${toolIndex},"id":${JSON.stringify(part.id)},"type":"function","function":{"name":${JSON.stringify(part.name)},"arguments":""}}]`;
        return this.#delta(choice, first ? `{${role}"content":null,${call},"refusal":null}` : `{${call}}`);
      }
      case 'refusal':
        return first ? this.#delta(choice, `{${role}"content":null,"refusal":""}`) : '';
      case 'thinking':
        if (this.#dialect.reasoningField !== undefined && first) {
          return this.#delta(choice, `{${role}"content":null,"${this.#dialect.reasoningField}":""}`);
        }
        return first ? this.#delta(choice, `{${role}"content":"","refusal":null}`) : '';
      case 'redacted_thinking':
      case 'opaque':
        this.#drops.add(`choices[${choice}].content[${index}]`);
        return first ? this.#delta(choice, `{${role}"content":"","refusal":null}`) : '';
      case 'text':
        if (part.thoughtSignature !== undefined) this.#drops.add(`choices[${choice}].content[${index}].thoughtSignature`);
        return first ? this.#delta(choice, `{${role}"content":"","refusal":null}`) : '';
    }
  }

  #delta(choice: number, delta: string): string {
    return this.#chunk(`[{"index":${choice},"delta":${delta}${DELTA_TAIL}`);
  }

  #chunk(choices: string): string {
    return `data: ${this.#prefix}${choices}}\n\n`;
  }

  #end(): string {
    this.#closed = true;
    if (!this.#includeUsage) return DONE;
    if (this.#usage === undefined) {
      this.#drops.add('usage');
      return DONE;
    }
    const known = this.#usage;
    const usage = this.#drops.collect((dropped) => usageForFormat(known, this.#dialect.usageFormat, dropped));
    return `data: ${this.#prefix}[],"usage":${JSON.stringify(usage)}}\n\n${DONE}`;
  }
}
