import type { AssistantPart } from '../../protocols/canonical/parts.ts';
import type { CanonicalChoice, CanonicalResponse } from '../../protocols/canonical/response.ts';
import type { CanonicalStreamEvent } from '../../protocols/canonical/stream-event.ts';
import type { Extensions } from '../../protocols/canonical/protocol.ts';
import type { NormalizedUsage } from '../../usage/buckets.ts';
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
}

function choiceParts(choice: EmulatedChoice, signature: string): AssistantPart[] {
  const parts: AssistantPart[] = [];
  if (choice.thinkingPieces.length > 0) parts.push({ type: 'thinking', text: choice.thinkingPieces.join(''), signature });
  if (choice.textPieces.length > 0 || choice.toolCalls.length === 0) parts.push({ type: 'text', text: choice.textPieces.join('') });
  for (const call of choice.toolCalls) parts.push({ type: 'tool_call', id: call.id, name: call.name, arguments: call.arguments });
  return parts;
}

/** The emulated answer as a canonical response, ready for any protocol's encoder. */
export function answerToResponse(answer: EmulatedAnswer, identity: ResponseIdentity, usage: NormalizedUsage): CanonicalResponse {
  const choices = answer.choices.map((choice, index): CanonicalChoice => {
    const canonical: CanonicalChoice = { index, content: choiceParts(choice, identity.thinkingSignature), stopReason: choice.stopReason };
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

/**
 * The emulated answer as canonical stream events: start, each part opened, its deltas one piece
 * at a time, closed; each choice ended with its stop reason; usage; end. `startUsage`, when
 * given, is reported right after the start (Anthropic's message_start carries the prompt usage).
 */
export function answerToEvents(
  answer: EmulatedAnswer,
  identity: ResponseIdentity,
  usage: NormalizedUsage,
  startUsage?: NormalizedUsage,
): CanonicalStreamEvent[] {
  const start: CanonicalStreamEvent = { type: 'response_start', id: identity.id, model: identity.model, created: identity.created };
  if (identity.serviceTier !== undefined) start.serviceTier = identity.serviceTier;
  if (identity.extensions !== undefined) start.extensions = identity.extensions;
  const events: CanonicalStreamEvent[] = [start];
  if (startUsage !== undefined) events.push({ type: 'usage', usage: startUsage });
  answer.choices.forEach((choice, choiceIndex) => {
    let index = 0;
    if (choice.thinkingPieces.length > 0) {
      events.push({ type: 'part_start', choice: choiceIndex, index, part: { type: 'thinking' } });
      for (const piece of choice.thinkingPieces) events.push({ type: 'thinking_delta', choice: choiceIndex, index, text: piece });
      events.push({ type: 'signature_delta', choice: choiceIndex, index, signature: identity.thinkingSignature });
      events.push({ type: 'part_end', choice: choiceIndex, index });
      index++;
    }
    if (choice.textPieces.length > 0 || choice.toolCalls.length === 0) {
      events.push({ type: 'part_start', choice: choiceIndex, index, part: { type: 'text' } });
      for (const piece of choice.textPieces) events.push({ type: 'text_delta', choice: choiceIndex, index, text: piece });
      events.push({ type: 'part_end', choice: choiceIndex, index });
      index++;
    }
    for (const call of choice.toolCalls) {
      events.push({ type: 'part_start', choice: choiceIndex, index, part: { type: 'tool_call', id: call.id, name: call.name } });
      for (let offset = 0; offset < call.arguments.length; offset += ARGUMENT_SLICE) {
        events.push({ type: 'tool_call_delta', choice: choiceIndex, index, arguments: call.arguments.slice(offset, offset + ARGUMENT_SLICE) });
      }
      events.push({ type: 'part_end', choice: choiceIndex, index });
      index++;
    }
    const end: CanonicalStreamEvent = { type: 'choice_end', choice: choiceIndex, stopReason: choice.stopReason };
    if (choice.stopSequence !== undefined) end.stopSequence = choice.stopSequence;
    events.push(end);
  });
  events.push({ type: 'usage', usage }, { type: 'response_end' });
  return events;
}
