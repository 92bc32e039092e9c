import type { ServiceTier } from '../canonical/request.ts';

/** OpenAI's `default` is the canonical `standard`; `fast` has no canonical meaning and is kept as an extension. */
export function serviceTierFromOpenAI(tier: string): ServiceTier | undefined {
  if (tier === 'default') return 'standard';
  if (tier === 'auto' || tier === 'flex' || tier === 'priority' || tier === 'scale') return tier;
  return undefined;
}

export function serviceTierToOpenAI(tier: ServiceTier): string {
  return tier === 'standard' ? 'default' : tier;
}

const RESPONSE_TIERS = new Set(['auto', 'default', 'flex', 'scale', 'priority', 'fast']);

/**
 * A service tier a provider reported (OpenAI's own, or Anthropic's `standard` / `priority`)
 * as OpenAI's response field; undefined when OpenAI has no such tier (Anthropic `batch`).
 */
export function reportedTierToOpenAI(tier: string): string | undefined {
  const mapped = tier === 'standard' ? 'default' : tier;
  return RESPONSE_TIERS.has(mapped) ? mapped : undefined;
}
