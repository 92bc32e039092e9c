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
