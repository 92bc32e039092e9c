import type { FrugalConfig } from '../../config/types.ts';
import { FrugalError } from '../../errors/frugal-error.ts';
import type { Embedder } from './embedder.ts';
import { createProviderEmbedder } from './provider-embedder.ts';
import { shippedLexicalEmbedder } from './shipped-lexical-embedder.ts';

/**
 * An embedder by name: `lexical` (built in, offline) or `PROVIDER/MODEL`, the embeddings
 * endpoint of a provider in the gateway configuration (its base URL, key variable and headers;
 * OpenAI-protocol providers only).
 */
export async function resolveEmbedder(name: string, configuration: FrugalConfig, env: Record<string, string | undefined>): Promise<Embedder> {
  if (name === 'lexical') return shippedLexicalEmbedder();
  const slash = name.indexOf('/');
  const providerName = slash > 0 ? name.slice(0, slash) : '';
  const model = name.slice(slash + 1);
  const provider = configuration.providers[providerName];
  if (slash <= 0 || model === '' || provider === undefined) {
    throw new FrugalError(
      'FRUGAL_INVALID_ARGUMENT',
      `--embedder must be "lexical" or PROVIDER/MODEL with a configured provider (${Object.keys(configuration.providers).join(', ')}), got "${name}"`,
    );
  }
  if (provider.type !== 'openai' && provider.type !== 'openai-compatible') {
    throw new FrugalError('FRUGAL_INVALID_ARGUMENT', `provider "${providerName}" is ${provider.type}; embeddings need an openai or openai-compatible provider`);
  }
  const apiKey = provider.apiKeyEnv === undefined ? undefined : env[provider.apiKeyEnv];
  return createProviderEmbedder({
    baseUrl: provider.baseUrl,
    model,
    headers: provider.headers,
    ...(apiKey === undefined ? {} : { apiKey }),
  });
}
