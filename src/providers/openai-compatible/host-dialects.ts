import type { ProviderConfig } from '../../config/types.ts';
import type { OpenAIDialect } from '../../protocols/openai-chat/dialect.ts';

/**
 * How the known OpenAI-compatible hosts differ on the wire: the output-cap field, where
 * visible reasoning text goes, and whether `top_k` is accepted. Any other host gets the
 * generic dialect. The usage shape always comes from the provider's `usageFormat`.
 */
const HOSTS: Record<string, Omit<OpenAIDialect, 'usageFormat'>> = {
  deepseek: { maxTokensField: 'max_tokens', reasoningField: 'reasoning_content', topK: false },
  openrouter: { maxTokensField: 'max_tokens', reasoningField: 'reasoning', topK: true },
  groq: { maxTokensField: 'max_tokens', reasoningField: 'reasoning', topK: false },
  together: { maxTokensField: 'max_tokens', topK: true },
  fireworks: { maxTokensField: 'max_tokens', topK: true },
  vllm: { maxTokensField: 'max_tokens', reasoningField: 'reasoning_content', topK: true },
  ollama: { maxTokensField: 'max_tokens', topK: false },
};

const GENERIC: Omit<OpenAIDialect, 'usageFormat'> = { maxTokensField: 'max_tokens', topK: true };

export function hostDialect(provider: ProviderConfig): OpenAIDialect {
  return { ...(HOSTS[provider.name] ?? GENERIC), usageFormat: provider.usageFormat };
}
