/**
 * Prompt-cache writes that no later request of the same model and workload ever read: each
 * write cost more than sending the same tokens as plain input, and bought nothing.
 */
import type { RequestRecord } from '../../ledger/records.ts';
import { exampleIds, groupBy, modelOf, unitPrice, workloadOf } from './request-facts.ts';
import type { Detector, Finding } from './types.ts';

const WRITE_BUCKETS = ['cacheWrite5m', 'cacheWrite1h'] as const;

/** What the writes cost above plain input; null when the request's input or write price is unknown. */
function writePremium(request: RequestRecord): bigint | null {
  const input = unitPrice(request, 'input');
  let premium = 0n;
  for (const bucket of WRITE_BUCKETS) {
    const tokens = request.usage[bucket];
    if (tokens === 0) continue;
    const write = unitPrice(request, bucket);
    if (write === null || input === null) return null;
    premium += BigInt(tokens) * BigInt(write - input);
  }
  return premium;
}

export const detectCacheWritesNeverRead: Detector = ({ requests }) => {
  const findings: Finding[] = [];
  const groups = groupBy(requests, (request) => `${modelOf(request)} ${workloadOf(request)}`);
  for (const [subject, group] of groups) {
    if (group.some((request) => request.usage.cacheRead > 0)) continue;
    const writers = group.filter((request) => request.usage.cacheWrite5m + request.usage.cacheWrite1h > 0);
    if (writers.length === 0) continue;
    let savings = 0n;
    let unpriced = 0;
    let writtenTokens = 0;
    for (const request of writers) {
      writtenTokens += request.usage.cacheWrite5m + request.usage.cacheWrite1h;
      const premium = writePremium(request);
      if (premium === null) unpriced += 1;
      else savings += premium;
    }
    findings.push({
      subject,
      kind: 'cache-writes-never-read',
      title: `Cache writes never read on ${subject}`,
      observedSavingsPicoUsd: savings,
      evidence: {
        requests: group.length,
        requestsWritingCache: writers.length,
        cacheWriteTokens: writtenTokens,
        cacheReadTokens: 0,
        unpricedRequests: unpriced,
        exampleRequestIds: exampleIds(writers),
      },
      configChange:
        'Remove the cache_control breakpoints these prompts send (Anthropic), or move the varying part of the prompt ' +
        'after the stable prefix so later requests can read what is written.',
      method: 'Savings = Σ cache-write tokens × (cache-write price − input price) paid by these requests, as recorded in the ledger.',
    });
  }
  return findings;
};
