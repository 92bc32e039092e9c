import type { NormalizedUsage } from '../../usage/buckets.ts';
import { DropLog } from '../canonical/drop-log.ts';
import type { StreamEncoder } from '../canonical/stream-codec.ts';
import type { CanonicalStreamEvent, PartStart } from '../canonical/stream-event.ts';
import type { StopReason } from '../canonical/stop-reason.ts';
import { argumentsToObject } from '../canonical/tool-arguments.ts';
import { usageForFormat } from '../canonical/usage-for-format.ts';
import { geminiError } from '../errors/gemini-error-body.ts';
import { stopReasonToGemini } from './finish-reason.ts';
import type { GeminiPart } from './wire-types.ts';

interface OpenPart {
  start: PartStart;
  arguments: string;
  signature: string | undefined;
}

function partKey(choice: number, index: number): number {
  return choice * 65536 + index;
}

/** Gemini's SSE uses CRLF line ends. */
function sse(data: string): string {
  return `data: ${data}\r\n\r\n`;
}

/**
 * Canonical stream events → `streamGenerateContent?alt=sse` chunks: one chunk per text or
 * thought delta, a function call whole when its part ends, usage in every chunk once
 * known, and a last chunk per candidate with its finishReason and the final usage.
 */
export class GeminiStreamEncoder implements StreamEncoder {
  readonly #drops = new DropLog();
  /** Keyed by `partKey(choice, index)`. */
  readonly #parts = new Map<number, OpenPart>();
  readonly #finished = new Map<number, StopReason>();
  #tail = '}';
  #usageJson: string | undefined;
  #usage: NormalizedUsage | undefined;
  #closed = false;

  get dropped(): string[] {
    return this.#drops.paths;
  }

  push(event: CanonicalStreamEvent): string {
    if (this.#closed) return '';
    switch (event.type) {
      case 'response_start':
        this.#tail = `,"modelVersion":${JSON.stringify(event.model)},"responseId":${JSON.stringify(event.id)}}`;
        return '';
      case 'part_start':
        return this.#partStart(event.choice, event.index, event.part);
      case 'text_delta':
      case 'refusal_delta':
        return this.#textChunk(event.choice, event.index, event.text, false);
      case 'thinking_delta':
        return this.#textChunk(event.choice, event.index, event.text, true);
      case 'thought_signature': {
        const open = this.#parts.get(partKey(event.choice, event.index));
        if (open !== undefined) open.signature = event.signature;
        return '';
      }
      case 'signature_delta':
        this.#drops.add(`choices[${event.choice}].content[${event.index}].signature`);
        return '';
      case 'tool_call_delta': {
        const open = this.#parts.get(partKey(event.choice, event.index));
        if (open === undefined) this.#drops.add(`choices[${event.choice}].content[${event.index}].late_delta`);
        else open.arguments += event.arguments;
        return '';
      }
      case 'opaque_delta':
        this.#drops.add(`choices[${event.choice}].content[${event.index}]`);
        return '';
      case 'part_end':
        return this.#partEnd(event.choice, event.index);
      case 'choice_end':
        this.#finished.set(event.choice, event.stopReason);
        return '';
      case 'usage':
        this.#usage = event.usage;
        this.#usageJson = undefined;
        return '';
      case 'response_end':
        return this.#end();
      case 'error': {
        this.#closed = true;
        return sse(JSON.stringify(geminiError({ kind: event.error.kind, message: event.error.message }).body));
      }
    }
  }

  #partStart(choice: number, index: number, part: PartStart): string {
    if (part.type === 'redacted_thinking' || (part.type === 'opaque' && part.protocol !== 'gemini')) {
      this.#drops.add(`choices[${choice}].content[${index}]`);
      return '';
    }
    const signature = part.type === 'text' || part.type === 'thinking' || part.type === 'tool_call' ? part.thoughtSignature : undefined;
    this.#parts.set(partKey(choice, index), { start: part, arguments: '', signature });
    if (part.type === 'opaque') return this.#chunk(choice, JSON.stringify(part.value));
    return '';
  }

  #textChunk(choice: number, index: number, text: string, thought: boolean): string {
    const open = this.#parts.get(partKey(choice, index));
    let part = `{"text":${JSON.stringify(text)}`;
    if (thought) part += ',"thought":true';
    if (open?.signature !== undefined) {
      part += `,"thoughtSignature":${JSON.stringify(open.signature)}`;
      open.signature = undefined;
    }
    return this.#chunk(choice, `${part}}`);
  }

  #partEnd(choice: number, index: number): string {
    const key = partKey(choice, index);
    const open = this.#parts.get(key);
    if (open === undefined) return '';
    this.#parts.delete(key);
    if (open.start.type === 'tool_call') {
      const parsed = argumentsToObject(open.arguments);
      if (!parsed.valid) this.#drops.add(`choices[${choice}].content[${index}].arguments`);
      const part: GeminiPart = { functionCall: { name: open.start.name, args: parsed.value, id: open.start.id } };
      if (open.signature !== undefined) part.thoughtSignature = open.signature;
      return this.#chunk(choice, JSON.stringify(part));
    }
    if (open.signature === undefined) return '';
    const thought = open.start.type === 'thinking' ? ',"thought":true' : '';
    return this.#chunk(choice, `{"text":""${thought},"thoughtSignature":${JSON.stringify(open.signature)}}`);
  }

  #usageField(): string {
    if (this.#usage === undefined) return '';
    const usage = this.#usage;
    this.#usageJson ??= JSON.stringify(this.#drops.collect((dropped) => usageForFormat(usage, 'gemini', dropped)));
    return `,"usageMetadata":${this.#usageJson}`;
  }

  #chunk(choice: number, part: string): string {
    const index = choice === 0 ? '' : `,"index":${choice}`;
    return sse(`{"candidates":[{"content":{"parts":[${part}],"role":"model"}${index}}]${this.#usageField()}${this.#tail}`);
  }

  #end(): string {
    this.#closed = true;
    const candidates: string[] = [];
    for (const [choice, reason] of this.#finished) {
      const index = choice === 0 ? '' : `,"index":${choice}`;
      candidates.push(`{"content":{"parts":[{"text":""}],"role":"model"},"finishReason":"${stopReasonToGemini(reason)}"${index}}`);
    }
    if (candidates.length === 0 && this.#usage === undefined) return '';
    return sse(`{"candidates":[${candidates.join(',')}]${this.#usageField()}${this.#tail}`);
  }
}
