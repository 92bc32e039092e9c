/**
 * Anthropic Messages usage. `input_tokens` is exclusive: cache reads and writes are
 * reported beside it. `cache_creation` splits the writes by TTL; when the split is absent
 * every write is a 5-minute write (the default TTL). Thinking tokens, where reported in
 * `output_tokens_details.thinking_tokens`, are counted inside `output_tokens`.
 */
import type { NormalizedUsage, UsageBuckets } from '../buckets.ts';
import { FrugalError } from '../../errors/frugal-error.ts';
import { checkPartWithin, readCount, readObject, readOptionalObject } from '../read-count.ts';
import { ANTHROPIC_SERVER_TOOL_COUNTERS } from '../tool-kinds.ts';

export interface AnthropicUsage {
  input_tokens: number;
  cache_creation_input_tokens: number;
  cache_read_input_tokens: number;
  cache_creation: { ephemeral_5m_input_tokens: number; ephemeral_1h_input_tokens: number };
  output_tokens: number;
  output_tokens_details?: { thinking_tokens: number };
  service_tier: string;
}

export function normalizeAnthropicUsage(raw: unknown): NormalizedUsage {
  const usage = readObject(raw, 'usage');
  const input = readCount(usage['input_tokens'], 'input_tokens', true);
  const outputTokens = readCount(usage['output_tokens'], 'output_tokens', true);
  const cacheRead = readCount(usage['cache_read_input_tokens'], 'cache_read_input_tokens');
  const writeTotal = readCount(usage['cache_creation_input_tokens'], 'cache_creation_input_tokens');
  const split = readOptionalObject(usage['cache_creation'], 'cache_creation');
  let cacheWrite5m = writeTotal;
  let cacheWrite1h = 0;
  if (split !== undefined) {
    cacheWrite5m = readCount(split['ephemeral_5m_input_tokens'], 'cache_creation.ephemeral_5m_input_tokens');
    cacheWrite1h = readCount(split['ephemeral_1h_input_tokens'], 'cache_creation.ephemeral_1h_input_tokens');
    const reportsTotal = usage['cache_creation_input_tokens'] !== undefined && usage['cache_creation_input_tokens'] !== null;
    if (reportsTotal && cacheWrite5m + cacheWrite1h !== writeTotal) {
      throw new FrugalError(
        'FRUGAL_INVALID_USAGE',
        `usage field cache_creation (5m ${cacheWrite5m} + 1h ${cacheWrite1h}) does not add up to ` +
          `cache_creation_input_tokens (${writeTotal})`,
        { field: 'cache_creation', value: split, total: 'cache_creation_input_tokens', totalValue: writeTotal },
      );
    }
  }
  const outputDetails = readOptionalObject(usage['output_tokens_details'], 'output_tokens_details');
  const thinking = readCount(outputDetails?.['thinking_tokens'], 'output_tokens_details.thinking_tokens');
  checkPartWithin(thinking, 'output_tokens_details.thinking_tokens', outputTokens, 'output_tokens');
  const output = outputTokens - thinking;
  const buckets: UsageBuckets = { input, cacheRead, cacheWrite5m, cacheWrite1h, output, reasoning: thinking };
  const normalized: NormalizedUsage = { format: 'anthropic', buckets, raw };
  const serviceTier = usage['service_tier'];
  if (typeof serviceTier === 'string') normalized.serviceTier = serviceTier;
  const toolCalls = readServerToolUse(usage);
  if (toolCalls !== undefined) normalized.toolCalls = toolCalls;
  return normalized;
}

/**
 * `server_tool_use: { web_search_requests: 2 }` → `{ web_search: 2 }`, named by TOOL_KINDS
 * so the catalog's per-call fee applies. A counter Frugal does not know yet keeps its own
 * name (`<kind>_requests` → `<kind>`): it is reported, and priced only if a fee of that name exists.
 */
function readServerToolUse(usage: Record<string, unknown>): Record<string, number> | undefined {
  const serverToolUse = readOptionalObject(usage['server_tool_use'], 'server_tool_use');
  if (serverToolUse === undefined) return undefined;
  let toolCalls: Record<string, number> | undefined;
  for (const key of Object.keys(serverToolUse)) {
    if (!key.endsWith('_requests')) continue;
    const count = readCount(serverToolUse[key], `server_tool_use.${key}`);
    if (count === 0) continue;
    toolCalls ??= {};
    toolCalls[ANTHROPIC_SERVER_TOOL_COUNTERS[key] ?? key.slice(0, -'_requests'.length)] = count;
  }
  return toolCalls;
}

/** Buckets → the usage object of an Anthropic message (final, non-stream). Carries every bucket. */
export function encodeAnthropicUsage(buckets: UsageBuckets, serviceTier = 'standard'): AnthropicUsage {
  const usage: AnthropicUsage = {
    input_tokens: buckets.input,
    cache_creation_input_tokens: buckets.cacheWrite5m + buckets.cacheWrite1h,
    cache_read_input_tokens: buckets.cacheRead,
    cache_creation: { ephemeral_5m_input_tokens: buckets.cacheWrite5m, ephemeral_1h_input_tokens: buckets.cacheWrite1h },
    output_tokens: buckets.output + buckets.reasoning,
    service_tier: serviceTier,
  };
  if (buckets.reasoning > 0) usage.output_tokens_details = { thinking_tokens: buckets.reasoning };
  return usage;
}
