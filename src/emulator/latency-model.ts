import type { Random } from './seeded-random.ts';

/** Speed of one model class: how long until the first token, then how fast tokens come. */
export interface LatencyProfile {
  timeToFirstTokenMilliseconds: number;
  tokensPerSecond: number;
}

export type LatencyMode = 'realistic' | 'zero';
export type ModelClass = 'small' | 'large' | 'reasoning' | 'embedding';

/**
 * Typical public figures (2025–2026 dashboards): small models answer fast and stream fast; large
 * ones start later; reasoning models think before the first visible token (their reasoning tokens
 * are paced at the same rate before it).
 */
export const REALISTIC_PROFILES: Record<ModelClass, LatencyProfile> = {
  small: { timeToFirstTokenMilliseconds: 250, tokensPerSecond: 150 },
  large: { timeToFirstTokenMilliseconds: 550, tokensPerSecond: 60 },
  reasoning: { timeToFirstTokenMilliseconds: 900, tokensPerSecond: 90 },
  embedding: { timeToFirstTokenMilliseconds: 60, tokensPerSecond: 0 },
};

const SMALL_MODEL = /(mini|nano|haiku|flash|lite|small|instant|8b|7b|3b|1b|turbo)/i;

export function modelClass(model: string, kind: string, reasoning: boolean): ModelClass {
  if (kind === 'embedding') return 'embedding';
  if (reasoning) return 'reasoning';
  return SMALL_MODEL.test(model) ? 'small' : 'large';
}

export interface LatencyConfiguration {
  mode: LatencyMode;
  /** Per-model overrides, by model name as requested. */
  models?: Record<string, Partial<LatencyProfile>>;
  /** Relative spread (standard deviation / mean) of time to first token; 0 = none. */
  jitter?: number;
}

/** Delays for one answer, in milliseconds. All zero in zero-latency mode. */
export interface AnswerTiming {
  /** Before the first byte of the answer (reasoning time included). */
  firstTokenMilliseconds: number;
  /** Between two successive streamed tokens. */
  perTokenMilliseconds: number;
}

export const ZERO_TIMING: AnswerTiming = { firstTokenMilliseconds: 0, perTokenMilliseconds: 0 };

export function answerTiming(
  configuration: LatencyConfiguration,
  model: string,
  modelKind: ModelClass,
  reasoningTokens: number,
  random: Random,
): AnswerTiming {
  if (configuration.mode === 'zero') return ZERO_TIMING;
  const profile = { ...REALISTIC_PROFILES[modelKind], ...configuration.models?.[model] };
  const perTokenMilliseconds = profile.tokensPerSecond > 0 ? 1000 / profile.tokensPerSecond : 0;
  const jitter = configuration.jitter ?? 0.2;
  const spread = Math.max(0.2, 1 + jitter * random.normal());
  return {
    firstTokenMilliseconds: profile.timeToFirstTokenMilliseconds * spread + reasoningTokens * perTokenMilliseconds,
    perTokenMilliseconds,
  };
}
