import { fewShotExamples, focusText } from './focus-text.ts';

/**
 * Signals of task type and difficulty read from the prompt alone, so a router can use them
 * before any model is called. Order is fixed: models store weights by position.
 */
export const HAND_FEATURE_NAMES = [
  'log prompt characters',
  'log focus characters',
  'log focus words',
  'few-shot examples',
  'choice options',
  'fill-in-the-blank choice',
  'code request',
  'math question',
  'numbers in focus',
  'money or percent',
  'writing request',
  'explanation request',
  'question marks',
  'extra turns',
] as const;

export const HAND_FEATURE_COUNT = HAND_FEATURE_NAMES.length;

const OPTION_LINE = /^\s*\(?([A-J])[).:]\s+\S/gm;
const CODE_REQUEST =
  /\b(write|implement|create|complete|fix|refactor)\b[^.\n]{0,60}\b(function|program|class|method|script|code|query|regex)\b|```|\bdef \w+\(|\b(python|javascript|typescript|java|c\+\+|sql|rust)\b/i;
const MATH_QUESTION = /\b(how (many|much|long|far|old)|what (is|was) the (total|sum|difference|product|average|ratio)|calculate|solve|compute)\b/i;
const NUMBER = /\d+(?:[.,]\d+)*/g;
const MONEY_OR_PERCENT = /[$€£%]|\bpercent\b|\bdollars?\b/i;
const WRITING_REQUEST = /\b(write|compose|draft|essay|story|poem|blog|email|letter|rewrite|summari[sz]e)\b/i;
const EXPLANATION_REQUEST = /\b(explain|why|describe|discuss|compare|analy[sz]e)\b/i;

function count(pattern: RegExp, text: string): number {
  pattern.lastIndex = 0;
  let found = 0;
  while (pattern.exec(text) !== null) found++;
  return found;
}

/** The option letters of a multiple-choice prompt ("AB", "ABCD"); empty when it has none. */
export function choiceLetters(message: string): string {
  const focus = focusText(message);
  OPTION_LINE.lastIndex = 0;
  let letters = '';
  for (let match = OPTION_LINE.exec(focus); match !== null; match = OPTION_LINE.exec(focus)) {
    if (!letters.includes(match[1]!)) letters += match[1];
  }
  return letters;
}

/** What kind of answer a prompt asks for: a letter, a number, code, or free text. */
export type AnswerKind = 'choice' | 'number' | 'code' | 'text';

export function answerKind(message: string): AnswerKind {
  const focus = focusText(message);
  if (count(OPTION_LINE, focus) >= 2) return 'choice';
  if (CODE_REQUEST.test(focus)) return 'code';
  if (count(NUMBER, focus) >= 2 && (MATH_QUESTION.test(focus) || /\?\s*$/.test(focus))) return 'number';
  return 'text';
}

/**
 * The hand features of a routing message (see HAND_FEATURE_NAMES). `turns` is the number of user
 * turns in the conversation (1 for a single request).
 */
export function handFeatures(message: string, turns = 1): Float64Array {
  const focus = focusText(message);
  const options = count(OPTION_LINE, focus);
  const words = focus.split(/\s+/).filter((word) => word !== '').length;
  const numbers = count(NUMBER, focus);
  const features = new Float64Array(HAND_FEATURE_COUNT);
  features[0] = Math.log1p(message.length);
  features[1] = Math.log1p(focus.length);
  features[2] = Math.log1p(words);
  features[3] = Math.log1p(fewShotExamples(message));
  features[4] = options;
  features[5] = options === 2 && focus.includes('_') ? 1 : 0;
  features[6] = options < 2 && CODE_REQUEST.test(focus) ? 1 : 0;
  features[7] = options < 2 && MATH_QUESTION.test(focus) ? 1 : 0;
  features[8] = Math.log1p(numbers);
  features[9] = MONEY_OR_PERCENT.test(focus) ? 1 : 0;
  features[10] = WRITING_REQUEST.test(focus) ? 1 : 0;
  features[11] = EXPLANATION_REQUEST.test(focus) ? 1 : 0;
  features[12] = Math.min(5, count(/\?/g, focus));
  features[13] = Math.max(0, turns - 1);
  return features;
}
