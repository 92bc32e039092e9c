import type { Catalog } from '../../catalog/catalog.ts';
import { closestNames } from '../../catalog/suggest.ts';
import type { FrugalConfig, ModelTarget as ConfiguredTarget } from '../../config/types.ts';
import { FrugalError } from '../../errors/frugal-error.ts';
import type { UpstreamProvider } from '../../providers/upstream-provider.ts';
import type { ModelTarget } from '../call/model-target.ts';

/** Model ids go into upstream URL paths (Gemini): no query, fragment, spaces or `..` segments. */
const SAFE_NAME = /^[\w.:@+/-]+$/;

/**
 * Step "resolve model": the name a client sends → the provider deployment that serves it.
 * In order: a route, a model alias, `<configured provider>/<model>`, then the catalog (the
 * provider that sells the model). Routes and aliases are checked at start-up.
 */
export class ModelResolver {
  readonly #providers: ReadonlyMap<string, UpstreamProvider>;
  readonly #catalog: Catalog;
  /** Routes and aliases, by name. */
  readonly #configured = new Map<string, ModelTarget>();
  /** Names resolved through the catalog or a provider prefix, kept once seen. */
  readonly #seen = new Map<string, ModelTarget>();

  constructor(config: FrugalConfig, providers: ReadonlyMap<string, UpstreamProvider>, catalog: Catalog) {
    this.#providers = providers;
    this.#catalog = catalog;
    for (const [name, alias] of Object.entries(config.models)) {
      const provider = this.#providerFor(alias, `models.${name}`);
      this.#configured.set(name, { requested: name, route: null, provider, model: alias.model, baseline: { model: alias.model, provider: provider.name } });
    }
    for (const [name, route] of Object.entries(config.routes)) {
      const provider = this.#providerFor(route, `routes.${name}`);
      const baseline = route.baseline === undefined
        ? { model: route.model, provider: provider.name }
        : { model: route.baseline.model, provider: this.#providerFor(route.baseline, `routes.${name}.baseline`).name };
      this.#configured.set(name, { requested: name, route: name, provider, model: route.model, baseline });
    }
  }

  /** Route and alias names, for GET /v1/models. */
  configuredNames(): string[] {
    return [...this.#configured.keys()];
  }

  resolve(name: string): ModelTarget {
    const known = this.#configured.get(name) ?? this.#seen.get(name);
    if (known !== undefined) return known;
    const found = SAFE_NAME.test(name) && !name.includes('..') ? this.#byPrefix(name) ?? this.#byCatalog(name) : undefined;
    if (found === undefined) throw this.#unknown(name);
    if (this.#seen.size >= 10_000) this.#seen.clear();
    this.#seen.set(name, found);
    return found;
  }

  #byPrefix(name: string): ModelTarget | undefined {
    const slash = name.indexOf('/');
    if (slash <= 0) return undefined;
    const provider = this.#providers.get(name.slice(0, slash));
    const model = name.slice(slash + 1);
    if (provider === undefined || model === '') return undefined;
    return { requested: name, route: null, provider, model, baseline: { model, provider: provider.name } };
  }

  #byCatalog(name: string): ModelTarget | undefined {
    const entry = this.#catalog.find(name);
    const provider = entry === undefined ? undefined : this.#providers.get(entry.provider);
    if (entry === undefined || provider === undefined) return undefined;
    return { requested: name, route: null, provider, model: name, baseline: { model: name, provider: provider.name } };
  }

  #providerFor(target: ConfiguredTarget, where: string): UpstreamProvider {
    const name = target.provider ?? this.#catalog.find(target.model)?.provider;
    if (name === undefined) {
      throw new FrugalError('FRUGAL_INVALID_CONFIG', `${where}: model "${target.model}" is not in the catalog, so its provider is unknown; set "provider"`, { field: where });
    }
    const provider = this.#providers.get(name);
    if (provider === undefined) {
      throw new FrugalError('FRUGAL_INVALID_CONFIG', `${where}: provider "${name}" is not configured (known: ${[...this.#providers.keys()].join(', ')})`, { field: where });
    }
    return provider;
  }

  #unknown(name: string): FrugalError {
    const suggestions = [...new Set([...closestNames(name, this.#configured.keys(), 3), ...this.#catalog.suggestions(name, 5)])].slice(0, 5);
    const closest = suggestions.length === 0 ? 'no close names' : `closest: ${suggestions.join(', ')}`;
    return new FrugalError(
      'FRUGAL_UNKNOWN_MODEL',
      `The model \`${name}\` is not a route, a model alias or a catalog model of a configured provider; ${closest}`,
      { model: name, suggestions, errorClass: 'unknown_model' },
    );
  }
}
