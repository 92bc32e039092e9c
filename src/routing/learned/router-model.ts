import type { LexicalEmbedderState } from '../embedders/lexical-embedder.ts';
import type { Standardizer } from '../numeric/standardizer.ts';

export const LEARNED_ROUTER_KINDS = ['knn', 'logistic', 'stacked'] as const;
export type LearnedRouterKind = (typeof LEARNED_ROUTER_KINDS)[number];

/**
 * How a router turns per-candidate P(success) and expected cost into a choice:
 * - utility: argmax P − λ·cost, cost in USD per 1,000 prompts (λ = 0: the most likely to succeed);
 * - threshold: the cheapest candidate with P ≥ threshold, else the most likely one.
 */
export type DecisionRule = { rule: 'utility'; lambda: number } | { rule: 'threshold'; threshold: number };

export interface Calibration {
  target: 'quality' | 'premium-share';
  value: number;
  /** What the calibrated rule achieved on the calibration items. */
  achieved: { quality: number; premiumShare: number; costUsdPer1k: number };
  items: number;
  data: string;
}

/** Provider embeddings: the base URL is looked up in the configuration when the model is loaded. */
export interface ProviderEmbedderState {
  kind: 'provider';
  provider: string;
  model: string;
  dimensions: number;
}

export interface SplitRecord {
  salt: string;
  testShare: number;
  validationShare: number;
}

/** A trained learned router as saved by `frugal route train` (JSON). */
export interface RouterModelFile {
  format: 'frugal-router';
  version: 1;
  kind: LearnedRouterKind;
  candidates: string[];
  /** The candidate with the best training quality: what "premium share" counts. */
  premium: string;
  embedder: LexicalEmbedderState | ProviderEmbedderState;
  /** Scaling of the hand features (HAND_FEATURE_NAMES order). */
  hand: Standardizer;
  /**
   * Expected cost per candidate: intercept + weights over the scaled hand features, in USD per
   * 1,000 prompts (an estimate for decisions; spend itself is always counted in pico-USD).
   */
  cost: { weights: number[][]; minimum: number[]; maximum: number[] };
  /** Training prompts' vectors and scores (knn and stacked). */
  neighbours?: {
    k: number;
    /** Pseudo-count of the training mean mixed into each neighbourhood's success rate. */
    prior: number;
    count: number;
    vectors: string;
    scores: string;
  };
  /**
   * Clusters of the training vectors: success rate per cluster and candidate, and member lists for
   * the clustered neighbour search, which compares `scanned` vectors per query (0: all of them).
   */
  clusters: { count: number; centroids: string; members: number[][]; scanned: number; successRates: number[] };
  /** Training mean score per candidate. */
  baseRates: number[];
  logistic?: { inputs: number; weights: string; bias: number[] };
  /** Per candidate: bias then weights over [logit kNN, logit logistic, logit cluster, scaled hand features]. */
  stacker?: { weights: number[][] };
  decision: DecisionRule;
  calibration?: Calibration;
  training: { data: string; items: number; split: SplitRecord };
}
