import type { ServerResponse } from 'node:http';
import { FrugalError } from '../../errors/frugal-error.ts';
import { USAGE_GROUPS, type UsageGroup, type UsageQuery } from '../../ledger/store.ts';
import type { Gateway } from '../gateway.ts';
import { sendJson } from '../http/send.ts';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The query of GET /v1/frugal/usage, or FRUGAL_INVALID_REQUEST naming the parameter. */
export function readUsageQuery(query: URLSearchParams): UsageQuery {
  const groupBy = query.get('groupBy') ?? 'model';
  if (!(USAGE_GROUPS as readonly string[]).includes(groupBy)) {
    throw new FrugalError('FRUGAL_INVALID_REQUEST', `groupBy must be one of ${USAGE_GROUPS.join(', ')}, got "${groupBy}"`, { field: 'groupBy' });
  }
  const result: UsageQuery = { groupBy: groupBy as UsageGroup };
  for (const field of ['from', 'to'] as const) {
    const value = query.get(field);
    if (value === null) continue;
    if (!DAY.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) {
      throw new FrugalError('FRUGAL_INVALID_REQUEST', `${field} must be a UTC day as YYYY-MM-DD, got "${value}"`, { field });
    }
    result[field] = value;
  }
  return result;
}

/** GET /v1/frugal/usage?groupBy=…&from=…&to=…: spend, tokens per bucket, requests, successes and cost per success by group. */
export async function handleUsage(gateway: Gateway, query: URLSearchParams, response: ServerResponse): Promise<void> {
  const usageQuery = readUsageQuery(query);
  await gateway.ledger.flush();
  const rows = await gateway.ledger.usage(usageQuery);
  sendJson(response, 200, { groupBy: usageQuery.groupBy, from: usageQuery.from ?? null, to: usageQuery.to ?? null, rows });
}
