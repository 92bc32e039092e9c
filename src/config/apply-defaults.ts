import { KNOWN_PROVIDERS } from './known-providers.ts';
import type { FrugalConfig, ModelTarget, ProviderConfig, ProviderType, RouteConfig } from './types.ts';

/** The configuration as written (already valid against frugal.schema.json). */
export interface RawConfig {
  server?: {
    host?: string;
    port?: number;
    bodyLimitBytes?: number;
    gatewayKeyEnv?: string;
    timeouts?: { connectMs?: number; firstByteMs?: number; idleStreamMs?: number };
  };
  providers?: Record<
    string,
    {
      type?: ProviderType;
      baseUrl?: string;
      apiKeyEnv?: string;
      allowClientKeys?: boolean;
      usageFormat?: 'openai' | 'deepseek';
      headers?: Record<string, string>;
    }
  >;
  models?: Record<string, ModelTarget>;
  routes?: Record<string, Omit<RouteConfig, 'name'>>;
  catalog?: { overrides?: string };
  storage?: {
    backend?: 'sqlite' | 'postgres';
    path?: string;
    url?: string;
    urlEnv?: string;
    batchSize?: number;
    flushIntervalMs?: number;
  };
}

type Report = (path: (string | number)[], message: string) => void;

/**
 * Fills in defaults and checks what a schema cannot: that every provider named by a model
 * alias or route exists, that unknown providers say how to reach them, and that a
 * PostgreSQL store says where it is. Known providers are always available with defaults.
 */
export function applyDefaults(raw: RawConfig, report: Report, env: Record<string, string | undefined> = process.env): Omit<FrugalConfig, 'source'> {
  const providers: Record<string, ProviderConfig> = {};
  for (const [name, known] of Object.entries(KNOWN_PROVIDERS)) {
    providers[name] = {
      name,
      type: known.type,
      baseUrl: known.baseUrl,
      ...(known.apiKeyEnv === undefined ? {} : { apiKeyEnv: known.apiKeyEnv }),
      allowClientKeys: false,
      usageFormat: known.usageFormat ?? 'openai',
      headers: {},
    };
  }
  for (const [name, written] of Object.entries(raw.providers ?? {})) {
    const known = providers[name];
    const type = written.type ?? known?.type;
    const baseUrl = written.baseUrl ?? known?.baseUrl;
    if (type === undefined) report(['providers', name], `unknown provider "${name}": set "type" (openai, anthropic, gemini or openai-compatible)`);
    if (baseUrl === undefined) report(['providers', name], `unknown provider "${name}": set "baseUrl"`);
    if (type === undefined || baseUrl === undefined) continue;
    const apiKeyEnv = written.apiKeyEnv ?? known?.apiKeyEnv;
    providers[name] = {
      name,
      type,
      baseUrl: baseUrl.replace(/\/+$/, ''),
      ...(apiKeyEnv === undefined ? {} : { apiKeyEnv }),
      allowClientKeys: written.allowClientKeys ?? false,
      usageFormat: written.usageFormat ?? known?.usageFormat ?? 'openai',
      headers: written.headers ?? {},
    };
  }

  const checkProvider = (path: (string | number)[], provider: string | undefined) => {
    if (provider !== undefined && providers[provider] === undefined) {
      report([...path, 'provider'], `provider "${provider}" is not configured (known: ${Object.keys(providers).join(', ')})`);
    }
  };
  const models: Record<string, ModelTarget> = {};
  for (const [name, target] of Object.entries(raw.models ?? {})) {
    checkProvider(['models', name], target.provider);
    models[name] = target;
  }
  const routes: Record<string, RouteConfig> = {};
  for (const [name, route] of Object.entries(raw.routes ?? {})) {
    checkProvider(['routes', name], route.provider);
    if (route.baseline !== undefined) checkProvider(['routes', name, 'baseline'], route.baseline.provider);
    routes[name] = { name, ...route };
  }

  const storage = raw.storage ?? {};
  const backend = storage.backend ?? 'sqlite';
  const url = storage.url ?? (storage.urlEnv === undefined ? undefined : env[storage.urlEnv]);
  if (backend === 'postgres' && url === undefined) {
    const detail = storage.urlEnv === undefined ? 'set "url" or "urlEnv"' : `environment variable ${storage.urlEnv} is not set`;
    report(['storage'], `the postgres backend needs a connection URL: ${detail}`);
  }

  return {
    server: {
      host: raw.server?.host ?? '127.0.0.1',
      port: raw.server?.port ?? 8787,
      bodyLimitBytes: raw.server?.bodyLimitBytes ?? 10 * 1024 * 1024,
      gatewayKeyEnv: raw.server?.gatewayKeyEnv ?? 'FRUGAL_GATEWAY_KEY',
      timeouts: {
        connectMs: raw.server?.timeouts?.connectMs ?? 10_000,
        firstByteMs: raw.server?.timeouts?.firstByteMs ?? 120_000,
        idleStreamMs: raw.server?.timeouts?.idleStreamMs ?? 120_000,
      },
    },
    providers,
    models,
    routes,
    catalog: raw.catalog ?? {},
    storage: {
      backend,
      path: storage.path ?? '.frugal/ledger.db',
      ...(url === undefined ? {} : { url }),
      ...(storage.batchSize === undefined ? {} : { batchSize: storage.batchSize }),
      ...(storage.flushIntervalMs === undefined ? {} : { flushIntervalMs: storage.flushIntervalMs }),
    },
  };
}
