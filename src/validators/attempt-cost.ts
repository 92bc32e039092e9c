import { checkSafe } from '../cost/money.ts';
import type { ValidatorAttempt } from './validator.ts';

/** The total pico-USD of a validator's model calls; undefined when there were none or one is unpriced. */
export function attemptsCost(attempts: ValidatorAttempt[]): number | undefined {
  if (attempts.length === 0) return undefined;
  let total = 0;
  for (const attempt of attempts) {
    if (attempt.costPicoUsd === null) return undefined;
    total = checkSafe(total + attempt.costPicoUsd, 'validator attempts cost');
  }
  return total;
}
