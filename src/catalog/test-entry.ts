import type { CatalogEntry } from './types.ts';

/** A minimal valid catalog entry for tests; `fields` override any part of it. */
export function testEntry(fields: Partial<CatalogEntry> & { provider: string; model: string }): CatalogEntry {
  return {
    effectiveFrom: '2026-07-24',
    kind: 'chat',
    capabilities: { streaming: true, tools: true, vision: false, reasoning: false, promptCaching: true, jsonSchema: false },
    prices: { live: { input: '1', cacheRead: '0.1', output: '4' } },
    ...fields,
  };
}
