import { extractChoice, type ChoiceOption } from './choice-extraction.ts';
import { extractNumericAnswer } from './numeric-answer.ts';

/** What a final answer is, for comparing answers: an option letter, a number, or the whole text. */
export type AnswerKind = 'choice' | 'number' | 'text';
export const ANSWER_KINDS: readonly AnswerKind[] = ['choice', 'number', 'text'];

/** The comparable final answer of a response, or undefined when none can be read. */
export function finalAnswer(response: string, kind: AnswerKind, options: ChoiceOption[]): string | undefined {
  if (kind === 'choice') return extractChoice(response, options);
  if (kind === 'number') return extractNumericAnswer(response);
  const text = response.trim().replace(/\s+/g, ' ').replace(/[.!]+$/, '').toLowerCase();
  return text === '' ? undefined : text;
}
