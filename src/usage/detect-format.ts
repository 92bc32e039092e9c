import type { UsageFormat } from './buckets.ts';
import { BUCKET_NAMES } from './buckets.ts';

const GEMINI_KEYS = [
  'promptTokenCount',
  'candidatesTokenCount',
  'totalTokenCount',
  'thoughtsTokenCount',
  'cachedContentTokenCount',
];
const ANTHROPIC_KEYS = [
  'cache_creation_input_tokens',
  'cache_read_input_tokens',
  'cache_creation',
  'server_tool_use',
  'service_tier',
];
const RESPONSES_KEYS = ['input_tokens_details', 'total_tokens'];

function hasAny(usage: Record<string, unknown>, keys: readonly string[]): boolean {
  for (const key of keys) if (key in usage) return true;
  return false;
}

/**
 * The usage format told by the object's own fields, or undefined when none matches.
 * A bare `{ input_tokens, output_tokens }` reads as Anthropic; read as OpenAI Responses
 * it would give the same buckets.
 */
export function detectUsageFormat(usage: Record<string, unknown>): UsageFormat | undefined {
  if ('prompt_cache_hit_tokens' in usage || 'prompt_cache_miss_tokens' in usage) return 'deepseek';
  if ('prompt_tokens' in usage || 'completion_tokens' in usage) return 'openai';
  if (hasAny(usage, GEMINI_KEYS)) return 'gemini';
  if ('input_tokens' in usage || 'output_tokens' in usage) {
    if (hasAny(usage, ANTHROPIC_KEYS)) return 'anthropic';
    if (hasAny(usage, RESPONSES_KEYS)) return 'openai-responses';
    return 'anthropic';
  }
  if (hasAny(usage, BUCKET_NAMES)) return 'frugal';
  return undefined;
}
