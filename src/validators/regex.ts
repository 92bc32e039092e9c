import { FrugalError } from '../errors/frugal-error.ts';
import type { Validator } from './validator.ts';

export interface RegexOptions {
  name?: string;
  pattern: string;
  flags?: string;
  /** true: the text must match; false: it must not (default true). */
  mustMatch?: boolean;
}

/** Passes when the response text matches (or, with mustMatch false, does not match) a pattern. */
export function regexValidator(options: RegexOptions): Validator {
  const mustMatch = options.mustMatch ?? true;
  // g and y make RegExp.test stateful across calls; one answer is tested once, from the start.
  const flags = (options.flags ?? '').replace(/[gy]/g, '');
  let pattern: RegExp;
  try {
    pattern = new RegExp(options.pattern, flags);
  } catch (error) {
    throw new FrugalError('FRUGAL_INVALID_CONFIG', `regex validator: pattern ${JSON.stringify(options.pattern)} with flags "${options.flags ?? ''}" is not a valid regular expression: ${(error as Error).message}`, { field: 'pattern' });
  }
  return {
    name: options.name ?? 'regex',
    kind: 'regex',
    async validate(input) {
      const matched = pattern.test(input.text);
      if (matched === mustMatch) {
        return { pass: true, reason: `the response ${matched ? 'matches' : 'does not match'} ${pattern}` };
      }
      return { pass: false, reason: `the response ${matched ? 'matches' : 'does not match'} ${pattern}, and it ${mustMatch ? 'must' : 'must not'}` };
    },
  };
}
