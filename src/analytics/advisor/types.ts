/** What the advisor reports: the shape `frugal advise --json` prints and GET /v1/frugal/advice will send. */
import type { RequestRecord } from '../../ledger/records.ts';
import type { Catalog } from '../../catalog/catalog.ts';

export const RECOMMENDATION_KINDS = [
  'cache-writes-never-read', 'reasoning-on-short-requests', 'batch-non-interactive', 'context-growth',
] as const;
export type RecommendationKind = (typeof RECOMMENDATION_KINDS)[number];

/** Counts by name, and a few request ids to open with `getRequest`. */
export interface Evidence {
  [count: string]: number | string[];
  exampleRequestIds: string[];
}

export interface Recommendation {
  id: string;
  kind: RecommendationKind;
  title: string;
  /** Exact decimal USD. */
  projectedMonthlySavingsUsd: string;
  projectedMonthlySavingsPicoUsd: number;
  evidence: Evidence;
  /** The frugal.yaml snippet, header or request parameter that applies the recommendation. */
  configChange: string;
  method: string;
}

export interface Advice {
  recommendations: Recommendation[];
}

/** What one detector found on one group of requests, before projection to a month. */
export interface Finding {
  /** Unique among the findings: the group the finding is about, e.g. "openai/gpt-4o-mini feature=summarize". */
  subject: string;
  kind: RecommendationKind;
  title: string;
  /** Savings observed over the window, integer pico-USD. */
  observedSavingsPicoUsd: bigint;
  evidence: Evidence;
  configChange: string;
  method: string;
}

export interface DetectorInput {
  /** Requests of the window, in start order. */
  requests: readonly RequestRecord[];
  catalog: Catalog;
}

export type Detector = (input: DetectorInput) => Finding[];
