/**
 * Traffic nobody waits on, served live: tagged `x-frugal-property-interactive: false`, or sent
 * under a feature whose name says it is offline work. The catalog's batch prices say what the
 * same usage would have cost through the provider's batch API.
 */
import { compareBatchToLive } from '../../cost/batch-vs-live.ts';
import type { RequestRecord } from '../../ledger/records.ts';
import { exampleIds, groupBy, modelOf, workloadOf } from './request-facts.ts';
import type { Detector, Finding } from './types.ts';

/** Words in a feature name that mark work nobody waits on. */
const OFFLINE_FEATURE = /(^|[^a-z])(batch|bulk|nightly|backfill|offline|cron)([^a-z]|$)/i;

export function isNonInteractive(request: RequestRecord): boolean {
  if (request.attribution.properties['interactive']?.toLowerCase() === 'false') return true;
  return request.attribution.feature !== null && OFFLINE_FEATURE.test(request.attribution.feature);
}

export const detectBatchCandidates: Detector = ({ requests, catalog }) => {
  const findings: Finding[] = [];
  const candidates = requests.filter((request) =>
    request.status < 400 && request.provider !== null && request.cost.pricingMode !== 'batch' && isNonInteractive(request));
  for (const [subject, group] of groupBy(candidates, (request) => `${modelOf(request)} ${workloadOf(request)}`)) {
    let savings = 0n;
    let unpriced = 0;
    for (const request of group) {
      const entry = catalog.find(request.modelServed ?? request.modelRequested, { provider: request.provider! });
      const comparison = entry === undefined ? null : compareBatchToLive(entry, request.usage, { catalogVersion: catalog.version });
      if (comparison?.savingPicoUsd == null) unpriced += 1;
      else savings += BigInt(comparison.savingPicoUsd);
    }
    findings.push({
      subject,
      kind: 'batch-non-interactive',
      title: `Non-interactive traffic served live on ${subject}`,
      observedSavingsPicoUsd: savings,
      evidence: { requests: group.length, unpricedRequests: unpriced, exampleRequestIds: exampleIds(group) },
      configChange:
        'Submit these requests through the provider\'s batch API (OpenAI /v1/batches, Anthropic Message Batches) instead of live calls; ' +
        'keep tagging them with the header x-frugal-property-interactive: false.',
      method:
        'Requests tagged x-frugal-property-interactive: false or under a feature named batch/bulk/nightly/backfill/offline/cron. ' +
        'Savings = Σ (live price − batch price) of each request\'s usage from the price catalog; a request whose model has no ' +
        'batch price (or a bucket without one) is counted as unpriced and adds nothing.',
    });
  }
  return findings;
};
