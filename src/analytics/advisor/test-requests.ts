/** Request builders for the advisor's tests: priced at the given pico-USD per token prices. */
import type { RequestRecord } from '../../ledger/records.ts';
import { costAt, sampleRequest, usageOf, type PicoPrices, type RequestOverrides } from '../../ledger/sample-records.ts';
import type { UsageBuckets } from '../../usage/buckets.ts';

/** gpt-4o-mini live prices: input $0.15/M, cache read $0.075/M, output and reasoning $0.60/M. */
export const MINI: PicoPrices = { input: 150_000, cacheRead: 75_000, output: 600_000, reasoning: 600_000 };
/** claude-haiku-4-5 live prices: input $1/M, cache read $0.10/M, 5-minute cache write $1.25/M, output $5/M. */
export const HAIKU: PicoPrices = { input: 1_000_000, cacheRead: 100_000, cacheWrite5m: 1_250_000, output: 5_000_000 };

export function pricedRequest(id: string, tokens: Partial<UsageBuckets>, prices: PicoPrices, overrides: RequestOverrides = {}): RequestRecord {
  const usage = usageOf(tokens);
  return sampleRequest({ ...overrides, id, usage, cost: costAt(usage, prices) });
}

export const haikuRequest = (id: string, tokens: Partial<UsageBuckets>, overrides: RequestOverrides = {}) =>
  pricedRequest(id, tokens, HAIKU, { provider: 'anthropic', modelRequested: 'claude-haiku-4-5', modelServed: 'claude-haiku-4-5', ...overrides });
