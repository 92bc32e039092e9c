/** Runs every detector over a window of requests and ranks what they found by projected monthly savings. */
import type { Catalog } from '../../catalog/catalog.ts';
import { FrugalError } from '../../errors/frugal-error.ts';
import { picoToUsd } from '../../ledger/money.ts';
import type { RequestRecord } from '../../ledger/records.ts';
import { detectBatchCandidates } from './batch-non-interactive.ts';
import { detectCacheWritesNeverRead } from './cache-writes-never-read.ts';
import { detectContextGrowth } from './context-growth.ts';
import { projectToMonth } from './projection.ts';
import { detectReasoningOnShortRequests } from './reasoning-on-short-requests.ts';
import type { Advice, Detector, Finding, Recommendation } from './types.ts';

export const DETECTORS: readonly Detector[] = [
  detectCacheWritesNeverRead, detectReasoningOnShortRequests, detectBatchCandidates, detectContextGrowth,
];

export interface AdviseOptions {
  catalog: Catalog;
  /** Length of the observed window in whole days: the divisor of the monthly projection. */
  windowDays: number;
}

function recommend(finding: Finding, windowDays: number): Recommendation {
  const monthly = projectToMonth(finding.observedSavingsPicoUsd, windowDays);
  const pico = Number(monthly);
  if (!Number.isSafeInteger(pico)) {
    throw new FrugalError('FRUGAL_MONEY_OVERFLOW', `projected savings of ${finding.kind} on ${finding.subject} exceed a safe integer of pico-USD`);
  }
  return {
    id: `${finding.kind}:${finding.subject}`,
    kind: finding.kind,
    title: finding.title,
    projectedMonthlySavingsUsd: picoToUsd(monthly),
    projectedMonthlySavingsPicoUsd: pico,
    evidence: finding.evidence,
    configChange: finding.configChange,
    method: `${finding.method} Projection: observed savings × 30 / ${windowDays} day(s) observed.`,
  };
}

/** Recommendations, largest projected monthly saving first; ties by id so the order is stable. */
export function advise(requests: readonly RequestRecord[], options: AdviseOptions): Advice {
  const findings = DETECTORS.flatMap((detect) => detect({ requests, catalog: options.catalog }));
  const recommendations = findings.map((finding) => recommend(finding, options.windowDays));
  recommendations.sort((left, right) =>
    right.projectedMonthlySavingsPicoUsd - left.projectedMonthlySavingsPicoUsd || left.id.localeCompare(right.id));
  return { recommendations };
}
