import type { Validator } from './validator.ts';

export interface NonEmptyOptions {
  name?: string;
  /** Tool calls alone count as an answer (default true). */
  allowToolCalls?: boolean;
}

/** Passes when the response has visible text (not only whitespace), or tool calls when allowed. */
export function nonEmptyValidator(options: NonEmptyOptions = {}): Validator {
  const allowToolCalls = options.allowToolCalls ?? true;
  return {
    name: options.name ?? 'non-empty',
    kind: 'non-empty',
    async validate(input) {
      if (input.text.trim() !== '') return { pass: true, reason: 'the response has text' };
      if (allowToolCalls && input.toolCalls.length > 0) return { pass: true, reason: `the response calls ${input.toolCalls.length} tool(s)` };
      const why = input.stopReason === null ? '' : ` (stop reason ${input.stopReason})`;
      return { pass: false, reason: `the response is empty${why}` };
    },
  };
}
