import type { ModelClass } from '../latency-model.ts';
import type { Random } from '../seeded-random.ts';

/**
 * Visible answer lengths are log-normal, as measured in production traces (Azure 2023 conversation
 * trace, ServeGen): a median per model class and a wide right tail.
 */
const MEDIAN_OUTPUT_TOKENS: Record<ModelClass, number> = { small: 120, large: 220, reasoning: 180, embedding: 0 };
const LOG_SPREAD = 0.6;
const LONGEST_ANSWER = 4_096;

export interface LengthConfiguration {
  /** Median visible tokens per model name, overriding the class median. */
  medianOutputTokens?: Record<string, number>;
}

export function sampleAnswerLength(
  random: Random,
  model: string,
  modelKind: ModelClass,
  configuration: LengthConfiguration = {},
): number {
  const median = configuration.medianOutputTokens?.[model] ?? MEDIAN_OUTPUT_TOKENS[modelKind];
  const tokens = Math.round(median * Math.exp(LOG_SPREAD * random.normal()));
  return Math.min(LONGEST_ANSWER, Math.max(1, tokens));
}
