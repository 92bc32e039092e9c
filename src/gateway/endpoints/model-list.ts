import type { Catalog } from '../../catalog/catalog.ts';
import type { ModelResolver } from '../steps/resolve-model.ts';

interface Listed {
  id: string;
  ownedBy: string;
  /** Unix seconds. */
  created: number;
}

/**
 * GET /v1/models, built once at start-up: routes and aliases first, then every catalog
 * model of a configured provider (chat, responses and embedding models). Two bodies: the
 * OpenAI list and, for Anthropic SDKs, Anthropic's.
 */
export class ModelList {
  readonly openai: string;
  readonly anthropic: string;

  constructor(catalog: Catalog, models: ModelResolver, providers: ReadonlySet<string>) {
    const listed: Listed[] = models.configuredNames().map((id) => ({ id, ownedBy: models.resolve(id).provider.name, created: 0 }));
    const seen = new Set(listed.map((model) => model.id));
    for (const entry of catalog.entries()) {
      if (!providers.has(entry.provider) || entry.kind === 'completion' || seen.has(entry.model)) continue;
      seen.add(entry.model);
      listed.push({ id: entry.model, ownedBy: entry.provider, created: Math.floor(Date.parse(`${entry.effectiveFrom}T00:00:00Z`) / 1000) });
    }
    this.openai = JSON.stringify({ object: 'list', data: listed.map((model) => ({ id: model.id, object: 'model', created: model.created, owned_by: model.ownedBy })) });
    this.anthropic = JSON.stringify({
      data: listed.map((model) => ({ type: 'model', id: model.id, display_name: model.id, created_at: new Date(model.created * 1000).toISOString() })),
      has_more: false,
      first_id: listed[0]?.id ?? null,
      last_id: listed.at(-1)?.id ?? null,
    });
  }
}
