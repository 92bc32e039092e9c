import type { PricingMode } from '../catalog/types.ts';

/**
 * The pricing mode a provider's echoed service tier implies: OpenAI "flex" → flex,
 * "priority" → priority; Anthropic "batch" (batch results) → batch; anything else
 * ("default", "auto", "standard", "scale", none) → live.
 */
export function modeFromServiceTier(tier?: string): PricingMode {
  switch (tier) {
    case 'flex':
      return 'flex';
    case 'priority':
      return 'priority';
    case 'batch':
      return 'batch';
    default:
      return 'live';
  }
}
