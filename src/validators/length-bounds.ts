import { FrugalError } from '../errors/frugal-error.ts';
import { countTextTokens } from '../tokens/count-text.ts';
import type { Validator } from './validator.ts';

export interface LengthBoundsOptions {
  name?: string;
  min?: number;
  max?: number;
  /** What is counted (default chars). Characters are Unicode code points. */
  unit?: 'chars' | 'tokens';
  /** Tokenizer for `tokens`; default: the answering model, then the requested model. */
  model?: string;
}

function checkBound(value: number | undefined, field: string): void {
  if (value !== undefined && !(Number.isSafeInteger(value) && value >= 0)) {
    throw new FrugalError('FRUGAL_INVALID_CONFIG', `length validator: ${field} must be a whole number ≥ 0, got ${JSON.stringify(value)}`, { field });
  }
}

/** Passes when the response length lies within [min, max] characters or tokens. */
export function lengthBoundsValidator(options: LengthBoundsOptions): Validator {
  const { min, max } = options;
  const unit = options.unit ?? 'chars';
  checkBound(min, 'min');
  checkBound(max, 'max');
  if (min === undefined && max === undefined) {
    throw new FrugalError('FRUGAL_INVALID_CONFIG', 'length validator: set min, max or both', { field: 'min' });
  }
  if (min !== undefined && max !== undefined && min > max) {
    throw new FrugalError('FRUGAL_INVALID_CONFIG', `length validator: min ${min} is above max ${max}`, { field: 'min' });
  }
  return {
    name: options.name ?? 'length',
    kind: 'length',
    async validate(input) {
      const length = unit === 'tokens' ? countTextTokens(input.text, options.model ?? input.model ?? input.request.model) : [...input.text].length;
      if (min !== undefined && length < min) return { pass: false, reason: `the response has ${length} ${unit}, fewer than the minimum ${min}` };
      if (max !== undefined && length > max) return { pass: false, reason: `the response has ${length} ${unit}, more than the maximum ${max}` };
      return { pass: true, reason: `the response has ${length} ${unit}, within bounds` };
    },
  };
}
