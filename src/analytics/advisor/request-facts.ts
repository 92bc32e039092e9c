/** Small reads of a request record shared by the detectors. */
import type { RequestRecord } from '../../ledger/records.ts';
import type { BucketName } from '../../usage/buckets.ts';

/** How many example request ids a recommendation carries. */
export const EXAMPLE_LIMIT = 5;

/** Tokens of the prompt however they were billed: uncached input, cache reads and cache writes. */
export function promptTokens(request: RequestRecord): number {
  const { input, cacheRead, cacheWrite5m, cacheWrite1h } = request.usage;
  return input + cacheRead + cacheWrite5m + cacheWrite1h;
}

/** What the request paid per token of a bucket, pico-USD; null when it had no such line or it was unpriced. */
export function unitPrice(request: RequestRecord, bucket: BucketName): number | null {
  return request.cost.lines.find((line) => line.item === bucket)?.unitPicoUsd ?? null;
}

export function modelOf(request: RequestRecord): string {
  return `${request.provider ?? '(no provider)'}/${request.modelServed ?? request.modelRequested}`;
}

/** The feature, else the route, the request belongs to: the unit a configuration change applies to. */
export function workloadOf(request: RequestRecord): string {
  if (request.attribution.feature !== null) return `feature=${request.attribution.feature}`;
  if (request.route !== null) return `route=${request.route}`;
  return 'unattributed';
}

export function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const name = key(item);
    const group = groups.get(name);
    if (group === undefined) groups.set(name, [item]);
    else group.push(item);
  }
  return groups;
}

export const exampleIds = (requests: readonly RequestRecord[]) => requests.slice(0, EXAMPLE_LIMIT).map((request) => request.id);
