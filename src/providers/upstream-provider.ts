import type { ProviderConfig } from '../config/types.ts';
import { createAdapter } from './create-adapter.ts';
import type { ProviderAdapter } from './provider-adapter.ts';

/** A configured provider ready for calls: its adapter and where its base URL points. */
export interface UpstreamProvider {
  readonly name: string;
  readonly config: ProviderConfig;
  readonly adapter: ProviderAdapter;
  /** `https://api.openai.com`: the pool's key. */
  readonly origin: string;
  /** The base URL's path without a trailing slash (`/v1`, or empty). */
  readonly basePath: string;
}

export function createUpstreamProvider(config: ProviderConfig): UpstreamProvider {
  const url = new URL(config.baseUrl);
  return {
    name: config.name,
    config,
    adapter: createAdapter(config),
    origin: url.origin,
    basePath: url.pathname.replace(/\/+$/, ''),
  };
}
