import { FrugalError } from '../errors/frugal-error.ts';
import { CHOICE_LETTERS, extractChoice, parseChoiceOptions } from './choice-extraction.ts';
import { lastUserText } from './prompt-text.ts';
import type { Validator } from './validator.ts';

export interface MultipleChoiceOptions {
  name?: string;
  /** The correct letter; absent = pass whenever a choice can be read from the answer. */
  expected?: string;
}

/**
 * Reads the chosen option (A–E) from the answer, with the options taken from the last user
 * message; passes when one was chosen, and it is the expected one when that is configured.
 */
export function multipleChoiceValidator(options: MultipleChoiceOptions = {}): Validator {
  const expected = options.expected?.trim().toUpperCase();
  if (expected !== undefined && !(CHOICE_LETTERS as readonly string[]).includes(expected)) {
    throw new FrugalError('FRUGAL_INVALID_CONFIG', `multiple-choice validator: expected must be one of ${CHOICE_LETTERS.join(', ')}, got ${JSON.stringify(options.expected)}`, { field: 'expected' });
  }
  return {
    name: options.name ?? 'multiple-choice',
    kind: 'multiple-choice',
    async validate(input) {
      const choice = extractChoice(input.text, parseChoiceOptions(lastUserText(input.request)));
      if (choice === undefined) return { pass: false, reason: 'no option letter could be read from the response' };
      if (expected === undefined) return { pass: true, reason: `the response chose ${choice}` };
      if (choice === expected) return { pass: true, score: 1, reason: `the response chose ${choice}, the expected answer` };
      return { pass: false, score: 0, reason: `the response chose ${choice}; the expected answer is ${expected}` };
    },
  };
}
