import type { ProviderConfig } from '../../config/types.ts';
import type { OpenAIDialect } from '../../protocols/openai-chat/dialect.ts';
import { OPENAI_COMPATIBLE_HOSTS } from '../../protocols/openai-compatible/hosts.ts';
import { openAIAdapter } from '../openai/openai-adapter.ts';
import type { ProviderAdapter } from '../provider-adapter.ts';

/** A private or unlisted host: the field every compatible server takes, and extra sampling fields allowed. */
const GENERIC_DIALECT: Omit<OpenAIDialect, 'usageFormat'> = { maxTokensField: 'max_tokens', echoReasoning: false, topK: true };

/**
 * DeepSeek, OpenRouter, Together, Fireworks, Groq, vLLM, Ollama and private hosts: OpenAI's
 * wire in the host's dialect (known by the provider's name), with the usage shape the
 * operator configured.
 */
export function openAICompatibleAdapter(provider: ProviderConfig): ProviderAdapter {
  const known = (OPENAI_COMPATIBLE_HOSTS as Record<string, { dialect: OpenAIDialect } | undefined>)[provider.name]?.dialect;
  return openAIAdapter('openai-compatible', { ...(known ?? GENERIC_DIALECT), usageFormat: provider.usageFormat });
}
