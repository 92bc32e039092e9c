import type { ProviderConfig } from '../../config/types.ts';
import { openAIAdapter } from '../openai/openai-adapter.ts';
import type { ProviderAdapter } from '../provider-adapter.ts';
import { hostDialect } from './host-dialects.ts';

/** DeepSeek, OpenRouter, Together, Fireworks, Groq, vLLM, Ollama and private hosts: OpenAI's wire in the host's dialect. */
export function openAICompatibleAdapter(provider: ProviderConfig): ProviderAdapter {
  return openAIAdapter('openai-compatible', hostDialect(provider));
}
