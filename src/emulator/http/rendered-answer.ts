import type { UsageBuckets } from '../../usage/buckets.ts';
import type { EmulatedAnswer } from '../answers/emulated-answer.ts';
import type { ResponseIdentity } from '../engine/answer-to-canonical.ts';

/**
 * An answer as sent for one call, cut where the strings drawn for that call stood, so the next
 * identical call puts its own in their place.
 */
export interface RenderedAnswer {
  /** What else the text depends on: streamed or not, the creation second, the usage buckets. */
  key: string;
  /** The text between drawn strings: one more than `slots`. */
  segments: string[];
  /** Which drawn string stood after each segment. */
  slots: number[];
  drawnCount: number;
}

/** Where a request keeps its last rendering: only a request the body memo keeps is asked again. */
export interface RenderingSlot {
  kept?: boolean;
  rendered?: RenderedAnswer;
}

/** Everything drawn for this call alone: the identity's strings and the tool-call ids. */
export function drawnStrings(identity: ResponseIdentity, answer: EmulatedAnswer): string[] {
  const drawn = identity.drawn.slice();
  for (const choice of answer.choices) for (const call of choice.toolCalls) drawn.push(call.id);
  return drawn;
}

export function renderKey(streaming: boolean, identity: ResponseIdentity, buckets: UsageBuckets): string {
  return `${streaming ? 's' : 'j'}${identity.created}:${buckets.input}:${buckets.cacheRead}:${buckets.cacheWrite5m}:${buckets.cacheWrite1h}`;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function cutAtDrawn(key: string, text: string, drawn: string[]): RenderedAnswer {
  const index = new Map(drawn.map((value, position) => [value, position]));
  const pattern = new RegExp(drawn.map(escapeRegExp).join('|'), 'g');
  const segments: string[] = [];
  const slots: number[] = [];
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    segments.push(text.slice(last, match.index));
    slots.push(index.get(match[0]) as number);
    last = match.index + match[0].length;
  }
  segments.push(text.slice(last));
  return { key, segments, slots, drawnCount: drawn.length };
}

/**
 * The answer's text for this call. Everything in it follows from the prepared request except the
 * creation second, the usage (the prompt cache may differ from call to call) and the strings drawn
 * for the call (random, 16 characters or more: they occur nowhere else), so when the first two
 * match the last rendering, the text is that rendering with this call's strings in place.
 */
export function renderedText(slot: RenderingSlot, key: string, drawn: string[], render: () => string): string {
  const kept = slot.rendered;
  if (kept !== undefined && kept.key === key && kept.drawnCount === drawn.length) {
    const { segments, slots } = kept;
    let text = segments[0] as string;
    for (let index = 0; index < slots.length; index++) text += (drawn[slots[index] as number] as string) + (segments[index + 1] as string);
    return text;
  }
  const text = render();
  if (slot.kept === true) slot.rendered = cutAtDrawn(key, text, drawn);
  return text;
}
