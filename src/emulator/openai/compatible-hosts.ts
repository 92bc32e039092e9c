import { OPENAI_DIALECT, type OpenAIDialect } from '../../protocols/openai-chat/dialect.ts';
import { OPENAI_COMPATIBLE_HOSTS } from '../../protocols/openai-compatible/hosts.ts';
import { compatibleCacheBehaviour, openAICacheBehaviour, type OpenAIHost } from './openai-host.ts';

/** Providers the emulator serves on their own protocol, not under an OpenAI-compatible prefix. */
export const NATIVE_PROVIDERS = new Set(['openai', 'anthropic', 'gemini']);

/** A catalog provider that src/protocols does not list speaks plain OpenAI with `max_tokens`. */
const GENERIC_DIALECT: OpenAIDialect = { ...OPENAI_DIALECT, maxTokensField: 'max_tokens' };

export const OPENAI_HOST: OpenAIHost = {
  provider: 'openai',
  dialect: OPENAI_DIALECT,
  unknownFields: 'reject',
  cache: openAICacheBehaviour,
};

/** The host serving `provider`'s models at /{provider}/v1/chat/completions, with that host's dialect. */
export function compatibleHost(provider: string): OpenAIHost {
  const known = (OPENAI_COMPATIBLE_HOSTS as Record<string, { dialect: OpenAIDialect }>)[provider];
  return {
    provider,
    dialect: known?.dialect ?? GENERIC_DIALECT,
    unknownFields: 'allow',
    cache: compatibleCacheBehaviour(provider),
  };
}
