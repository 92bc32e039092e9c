import { checkArithmetic } from './arithmetic-check.ts';

/** Signals read from one model's answer, for a cascade's decision to accept it or escalate. */
export const RESPONSE_FEATURE_NAMES = [
  'log response characters',
  'answer found',
  'arithmetic steps checked',
  'arithmetic steps wrong',
  'hedging words',
  'refusal',
  'ends abruptly',
  'final answer marker',
] as const;

export const RESPONSE_FEATURE_COUNT = RESPONSE_FEATURE_NAMES.length;

const HEDGING = /\b(however|assum(e|ing)|approximately|round(ed|ing)?|not possible|cannot be determined|unclear|i think|maybe|perhaps|it seems)\b/gi;
const REFUSAL = /\b(i('m| am) sorry|i cannot|i can't|as an ai|i do not have|i don't have enough)\b/i;

export function responseFeatures(response: string, answerFound: boolean): Float64Array {
  const arithmetic = checkArithmetic(response);
  const trimmed = response.trimEnd();
  const features = new Float64Array(RESPONSE_FEATURE_COUNT);
  features[0] = Math.log1p(response.length);
  features[1] = answerFound ? 1 : 0;
  features[2] = Math.log1p(arithmetic.checked);
  features[3] = Math.min(3, arithmetic.wrong);
  features[4] = Math.min(5, (response.match(HEDGING) ?? []).length);
  features[5] = REFUSAL.test(response) ? 1 : 0;
  features[6] = trimmed.length > 0 && /[\w,(]$/.test(trimmed) && !/\d$/.test(trimmed) && trimmed.length > 200 ? 1 : 0;
  features[7] = response.includes('####') ? 1 : 0;
  return features;
}
