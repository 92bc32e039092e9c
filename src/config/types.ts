/** The gateway configuration after defaults are applied (see frugal.schema.json). */
export type ProviderType = 'openai' | 'anthropic' | 'gemini' | 'openai-compatible';

export interface ProviderConfig {
  name: string;
  type: ProviderType;
  baseUrl: string;
  /** Environment variable holding the upstream key; the key itself is read at call time. */
  apiKeyEnv?: string;
  allowClientKeys: boolean;
  usageFormat: 'openai' | 'deepseek';
  headers: Record<string, string>;
}

export interface ModelTarget {
  provider?: string;
  model: string;
}

export interface RouteConfig {
  name: string;
  provider?: string;
  model: string;
  baseline?: ModelTarget;
}

export interface StorageConfig {
  backend: 'sqlite' | 'postgres';
  path: string;
  url?: string;
  batchSize?: number;
  flushIntervalMs?: number;
}

export interface ServerConfig {
  host: string;
  port: number;
  bodyLimitBytes: number;
  gatewayKeyEnv: string;
  timeouts: { connectMs: number; firstByteMs: number; idleStreamMs: number };
}

export interface FrugalConfig {
  /** The file the configuration came from, when there was one. */
  source?: string;
  server: ServerConfig;
  providers: Record<string, ProviderConfig>;
  models: Record<string, ModelTarget>;
  routes: Record<string, RouteConfig>;
  catalog: { overrides?: string };
  storage: StorageConfig;
}
