import type { CatalogEntry } from '../catalog/types.ts';

/** A hand-built catalog entry for unit tests: the seed's hypothetical $5 / $0.50 / $20 per million. */
export function testEntry(overrides: Partial<CatalogEntry> = {}): CatalogEntry {
  return {
    provider: 'test',
    model: 'flagship',
    effectiveFrom: '2026-01-01',
    kind: 'chat',
    capabilities: { streaming: true, tools: true, vision: false, reasoning: true, promptCaching: true, jsonSchema: true },
    prices: { live: { input: '5', cacheRead: '0.50', output: '20' } },
    ...overrides,
  };
}
