import type { AssistantPart } from '../../protocols/canonical/parts.ts';
import type { CanonicalChoice, CanonicalResponse } from '../../protocols/canonical/response.ts';
import type { CanonicalStreamEvent } from '../../protocols/canonical/stream-event.ts';
import type { Extensions } from '../../protocols/canonical/protocol.ts';
import type { NormalizedUsage } from '../../usage/buckets.ts';
import { groupPieces, type DeltaGrouping } from '../answers/delta-grouping.ts';
import type { EmulatedAnswer, EmulatedChoice } from '../answers/emulated-answer.ts';

export interface ResponseIdentity {
  id: string;
  model: string;
  /** Unix seconds. */
  created: number;
  serviceTier?: string;
  /** Signature for thinking blocks (Anthropic requires one on every thinking block). */
  thinkingSignature: string;
  /** Provider fields beside the canonical ones (OpenAI `system_fingerprint`, ...). */
  extensions?: Extensions;
  /** Every string drawn at random for this call (id, signature, ...), none empty. */
  drawn: string[];
}

function choiceParts(choice: EmulatedChoice, signature: string, emptyText: boolean): AssistantPart[] {
  const parts: AssistantPart[] = [];
  if (choice.thinkingPieces.length > 0) parts.push({ type: 'thinking', text: choice.thinkingPieces.join(''), signature });
  if (choice.textPieces.length > 0 || (emptyText && choice.toolCalls.length === 0)) parts.push({ type: 'text', text: choice.textPieces.join('') });
  for (const call of choice.toolCalls) parts.push({ type: 'tool_call', id: call.id, name: call.name, arguments: call.arguments });
  return parts;
}

/**
 * The emulated answer as a canonical response, ready for any protocol's encoder. A choice with
 * neither text nor tool calls (the output cap reached while thinking) has an empty text part,
 * as OpenAI and Anthropic answer, unless `emptyText` is false (Gemini then sends no parts).
 */
export function answerToResponse(answer: EmulatedAnswer, identity: ResponseIdentity, usage: NormalizedUsage, emptyText = true): CanonicalResponse {
  const choices = answer.choices.map((choice, index): CanonicalChoice => {
    const canonical: CanonicalChoice = { index, content: choiceParts(choice, identity.thinkingSignature, emptyText), stopReason: choice.stopReason };
    if (choice.stopSequence !== undefined) canonical.stopSequence = choice.stopSequence;
    return canonical;
  });
  const response: CanonicalResponse = { id: identity.id, model: identity.model, created: identity.created, choices, usage };
  if (identity.serviceTier !== undefined) response.serviceTier = identity.serviceTier;
  if (identity.extensions !== undefined) response.extensions = identity.extensions;
  return response;
}

/** Arguments are streamed in slices of this many characters, as providers send partial JSON. */
const ARGUMENT_SLICE = 12;

/** A stream to send: canonical events and, per event, the answer pieces it carries (0 for the rest). */
export interface StreamScript {
  events: CanonicalStreamEvent[];
  pieces: number[];
}

/**
 * The emulated answer as canonical stream events: start, each part opened, its deltas grouped as
 * the provider groups them, closed; each choice ended with its stop reason; usage; end.
 * `startUsage`, when given, is reported right after the start (Anthropic's message_start carries
 * the prompt usage; Gemini repeats the usage known so far in every chunk).
 */
export function answerToEvents(
  answer: EmulatedAnswer,
  identity: ResponseIdentity,
  usage: NormalizedUsage,
  grouping: DeltaGrouping,
  startUsage?: NormalizedUsage,
): StreamScript {
  const start: CanonicalStreamEvent = { type: 'response_start', id: identity.id, model: identity.model, created: identity.created };
  if (identity.serviceTier !== undefined) start.serviceTier = identity.serviceTier;
  if (identity.extensions !== undefined) start.extensions = identity.extensions;
  const events: CanonicalStreamEvent[] = [start];
  const pieces: number[] = [0];
  const push = (event: CanonicalStreamEvent, count = 0) => {
    events.push(event);
    pieces.push(count);
  };
  if (startUsage !== undefined) push({ type: 'usage', usage: startUsage });
  answer.choices.forEach((choice, choiceIndex) => {
    let index = 0;
    if (choice.thinkingPieces.length > 0) {
      push({ type: 'part_start', choice: choiceIndex, index, part: { type: 'thinking' } });
      const { texts, sizes } = groupPieces(choice.thinkingPieces, grouping);
      texts.forEach((text, position) => push({ type: 'thinking_delta', choice: choiceIndex, index, text }, sizes[position]));
      push({ type: 'signature_delta', choice: choiceIndex, index, signature: identity.thinkingSignature });
      push({ type: 'part_end', choice: choiceIndex, index });
      index++;
    }
    if (choice.textPieces.length > 0 || choice.toolCalls.length === 0) {
      push({ type: 'part_start', choice: choiceIndex, index, part: { type: 'text' } });
      const { texts, sizes } = groupPieces(choice.textPieces, grouping);
      texts.forEach((text, position) => push({ type: 'text_delta', choice: choiceIndex, index, text }, sizes[position]));
      push({ type: 'part_end', choice: choiceIndex, index });
      index++;
    }
    for (const call of choice.toolCalls) {
      push({ type: 'part_start', choice: choiceIndex, index, part: { type: 'tool_call', id: call.id, name: call.name } });
      for (let offset = 0; offset < call.arguments.length; offset += ARGUMENT_SLICE) {
        push({ type: 'tool_call_delta', choice: choiceIndex, index, arguments: call.arguments.slice(offset, offset + ARGUMENT_SLICE) }, 1);
      }
      push({ type: 'part_end', choice: choiceIndex, index });
      index++;
    }
    const end: CanonicalStreamEvent = { type: 'choice_end', choice: choiceIndex, stopReason: choice.stopReason };
    if (choice.stopSequence !== undefined) end.stopSequence = choice.stopSequence;
    push(end);
  });
  push({ type: 'usage', usage });
  push({ type: 'response_end' });
  return { events, pieces };
}
