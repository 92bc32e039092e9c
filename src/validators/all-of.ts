import { checkSafe } from '../cost/money.ts';
import type { Validator, ValidatorAttempt, ValidationVerdict } from './validator.ts';

/**
 * Runs validators in order and stops at the first failure (put cheap checks before a judge or
 * webhook). Passes when all pass; the model calls and cost of every validator that ran are kept.
 */
export function allOf(validators: Validator[], name = 'all-of'): Validator {
  return {
    name,
    kind: 'all-of',
    async validate(input, context): Promise<ValidationVerdict> {
      const attempts: ValidatorAttempt[] = [];
      const reasons: string[] = [];
      let cost = 0;
      let unpriced = false;
      let failed: ValidationVerdict | undefined;
      for (const validator of validators) {
        context.signal.throwIfAborted();
        const verdict = await validator.validate(input, context);
        attempts.push(...(verdict.attempts ?? []));
        if (verdict.costPicoUsd !== undefined) cost = checkSafe(cost + verdict.costPicoUsd, 'validator attempts cost');
        else if ((verdict.attempts ?? []).length > 0) unpriced = true;
        reasons.push(`${validator.name}: ${verdict.reason}`);
        if (!verdict.pass) {
          failed = verdict;
          break;
        }
      }
      const verdict: ValidationVerdict = {
        pass: failed === undefined,
        reason: failed === undefined ? reasons.join('; ') : reasons.at(-1)!,
      };
      if (failed?.score !== undefined) verdict.score = failed.score;
      if (attempts.length > 0) verdict.attempts = attempts;
      if (!unpriced && (attempts.length > 0 || cost > 0)) verdict.costPicoUsd = cost;
      return verdict;
    },
  };
}
