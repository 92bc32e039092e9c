import type { FrugalConfig, ProviderConfig } from '../config/types.ts';

/** Where the emulator serves each provider family (see src/emulator/provider-routes.ts). */
function emulatedBaseUrl(provider: ProviderConfig, emulatorUrl: string): string {
  switch (provider.type) {
    case 'openai':
      return `${emulatorUrl}/v1`;
    case 'anthropic':
    case 'gemini':
      return emulatorUrl;
    case 'openai-compatible':
      return `${emulatorUrl}/${provider.name}/v1`;
  }
}

/** The configuration with every provider's base URL pointing at an emulator (`frugal serve --emulate`). */
export function pointAtEmulator(config: FrugalConfig, emulatorUrl: string): FrugalConfig {
  const base = emulatorUrl.replace(/\/+$/, '');
  const providers: Record<string, ProviderConfig> = {};
  for (const [name, provider] of Object.entries(config.providers)) providers[name] = { ...provider, baseUrl: emulatedBaseUrl(provider, base) };
  return { ...config, providers };
}
