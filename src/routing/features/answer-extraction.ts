import type { AnswerKind } from './hand-features.ts';

// A letter followed by a lowercase word is an article or pronoun ("A boat", "I think"), not a choice.
const LEADING_CHOICE = /^[\s"'*(]*([A-J])(?=$|[).:\]"'*\n]|\s+(?![a-z]))/;
const STATED_CHOICE = /\b(?:answer|option|choice)\s*(?:is|:)?\s*[:(]?\s*\(?([A-J])\b/i;
const FINAL_MARKER = /####\s*([^\n]+)/;
const STATED_NUMBER = /\banswer\s*(?:is|:)\s*[^\d\n-]{0,20}(-?\d[\d,]*(?:\.\d+)?)/i;
const ANY_NUMBER = /-?\d[\d,]*(?:\.\d+)?/g;

/**
 * The letter a multiple-choice answer picks ("B", "B)", "(B) ...", "The answer is B"), if it is
 * one of `letters` (the prompt's option letters).
 */
export function extractChoice(response: string, letters = 'ABCDE'): string | undefined {
  const text = response.trim();
  const leading = LEADING_CHOICE.exec(text);
  if (leading !== null && letters.includes(leading[1]!)) return leading[1];
  const stated = STATED_CHOICE.exec(text);
  const letter = stated?.[1]?.toUpperCase();
  return letter !== undefined && letters.includes(letter) ? letter : undefined;
}

/** "1,234.50" → "1234.5"; "-0" → "0". */
function normalizeNumber(text: string): string | undefined {
  const value = Number(text.replace(/,/g, ''));
  if (!Number.isFinite(value)) return undefined;
  return String(Object.is(value, -0) ? 0 : Math.round(value * 1e6) / 1e6);
}

/** The final numeric answer: after "####", else after "answer is", else the last number written. */
export function extractNumber(response: string): string | undefined {
  const marker = FINAL_MARKER.exec(response);
  if (marker !== null) {
    const inMarker = marker[1]!.match(ANY_NUMBER);
    if (inMarker !== null) return normalizeNumber(inMarker[0]!);
  }
  const stated = STATED_NUMBER.exec(response);
  if (stated !== null) return normalizeNumber(stated[1]!);
  const all = response.match(ANY_NUMBER);
  return all === null ? undefined : normalizeNumber(all[all.length - 1]!);
}

/** The comparable answer in a response, for agreement checks: a letter or a number; none for code and free text. */
export function extractAnswer(response: string, kind: AnswerKind, letters?: string): string | undefined {
  if (kind === 'choice') return extractChoice(response, letters);
  if (kind === 'number') return extractNumber(response);
  return undefined;
}
