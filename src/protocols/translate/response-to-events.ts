import { ENCODERS } from '../../usage/encode-usage.ts';
import type { NormalizedUsage } from '../../usage/buckets.ts';
import type { AssistantPart } from '../canonical/parts.ts';
import type { CanonicalResponse } from '../canonical/response.ts';
import type { CanonicalStreamEvent, PartStart } from '../canonical/stream-event.ts';

export interface StreamingOptions {
  /** Longest text / arguments delta, in UTF-16 code units (never splitting a surrogate pair). Default: whole. */
  chunkSize?: number;
}

/**
 * A complete canonical response → the stream events that deliver it: response_start, the
 * input-side usage (what a provider knows before generating), each part with its deltas,
 * each choice's end, the final usage and response_end. Any stream encoder turns these
 * into that protocol's exact event sequence.
 */
export function responseToStreamEvents(response: CanonicalResponse, options: StreamingOptions = {}): CanonicalStreamEvent[] {
  const chunkSize = options.chunkSize ?? Number.POSITIVE_INFINITY;
  const start: CanonicalStreamEvent & { type: 'response_start' } = { type: 'response_start', id: response.id, model: response.model };
  if (response.created !== undefined) start.created = response.created;
  if (response.serviceTier !== undefined) start.serviceTier = response.serviceTier;
  if (response.extensions !== undefined) start.extensions = response.extensions;
  const events: CanonicalStreamEvent[] = [start];
  if (response.usage !== undefined) events.push({ type: 'usage', usage: inputSideUsage(response.usage) });
  for (const choice of response.choices) {
    choice.content.forEach((part, index) => pushPart(events, choice.index, index, part, chunkSize));
    if (choice.stopReason !== null) {
      const end: CanonicalStreamEvent & { type: 'choice_end' } = { type: 'choice_end', choice: choice.index, stopReason: choice.stopReason };
      if (choice.stopSequence !== undefined) end.stopSequence = choice.stopSequence;
      if (choice.extensions !== undefined) end.extensions = choice.extensions;
      events.push(end);
    }
  }
  if (response.usage !== undefined) events.push({ type: 'usage', usage: response.usage });
  events.push({ type: 'response_end' });
  return events;
}

function inputSideUsage(usage: NormalizedUsage): NormalizedUsage {
  const buckets = { ...usage.buckets, output: 0, reasoning: 0 };
  const early: NormalizedUsage = { format: usage.format, buckets, raw: ENCODERS[usage.format](buckets) };
  if (usage.serviceTier !== undefined) early.serviceTier = usage.serviceTier;
  return early;
}

function pieces(text: string, size: number): string[] {
  if (text.length <= size) return text === '' ? [] : [text];
  const result: string[] = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(start + size, text.length);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end += 1;
    result.push(text.slice(start, end));
    start = end;
  }
  return result;
}

function pushPart(events: CanonicalStreamEvent[], choice: number, index: number, part: AssistantPart, size: number): void {
  let start: PartStart;
  switch (part.type) {
    case 'text':
    case 'thinking':
      start = part.thoughtSignature === undefined ? { type: part.type } : { type: part.type, thoughtSignature: part.thoughtSignature };
      break;
    case 'tool_call':
      start = { type: 'tool_call', id: part.id, name: part.name };
      if (part.thoughtSignature !== undefined) start.thoughtSignature = part.thoughtSignature;
      break;
    case 'redacted_thinking':
      start = { type: 'redacted_thinking', data: part.data };
      break;
    case 'refusal':
      start = { type: 'refusal' };
      break;
    case 'opaque':
      start = { type: 'opaque', protocol: part.protocol, value: part.value };
  }
  events.push({ type: 'part_start', choice, index, part: start });
  if (part.type === 'text') for (const text of pieces(part.text, size)) events.push({ type: 'text_delta', choice, index, text });
  if (part.type === 'refusal') for (const text of pieces(part.text, size)) events.push({ type: 'refusal_delta', choice, index, text });
  if (part.type === 'thinking') {
    for (const text of pieces(part.text, size)) events.push({ type: 'thinking_delta', choice, index, text });
    if (part.signature !== undefined) events.push({ type: 'signature_delta', choice, index, signature: part.signature });
  }
  if (part.type === 'tool_call') {
    for (const text of pieces(part.arguments, size)) events.push({ type: 'tool_call_delta', choice, index, arguments: text });
  }
  events.push({ type: 'part_end', choice, index });
}
