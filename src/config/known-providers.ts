import type { ProviderType } from './types.ts';

interface KnownProvider {
  type: ProviderType;
  baseUrl: string;
  apiKeyEnv?: string;
  usageFormat?: 'openai' | 'deepseek';
}

/**
 * Providers Frugal knows by name: their protocol family, public base URL and the usual
 * environment variable for the key. A config entry with one of these names needs no more.
 */
export const KNOWN_PROVIDERS: Record<string, KnownProvider> = {
  openai: { type: 'openai', baseUrl: 'https://api.openai.com/v1', apiKeyEnv: 'OPENAI_API_KEY' },
  anthropic: { type: 'anthropic', baseUrl: 'https://api.anthropic.com', apiKeyEnv: 'ANTHROPIC_API_KEY' },
  gemini: { type: 'gemini', baseUrl: 'https://generativelanguage.googleapis.com', apiKeyEnv: 'GEMINI_API_KEY' },
  deepseek: { type: 'openai-compatible', baseUrl: 'https://api.deepseek.com/v1', apiKeyEnv: 'DEEPSEEK_API_KEY', usageFormat: 'deepseek' },
  openrouter: { type: 'openai-compatible', baseUrl: 'https://openrouter.ai/api/v1', apiKeyEnv: 'OPENROUTER_API_KEY' },
  together: { type: 'openai-compatible', baseUrl: 'https://api.together.xyz/v1', apiKeyEnv: 'TOGETHER_API_KEY' },
  fireworks: { type: 'openai-compatible', baseUrl: 'https://api.fireworks.ai/inference/v1', apiKeyEnv: 'FIREWORKS_API_KEY' },
  groq: { type: 'openai-compatible', baseUrl: 'https://api.groq.com/openai/v1', apiKeyEnv: 'GROQ_API_KEY' },
  vllm: { type: 'openai-compatible', baseUrl: 'http://127.0.0.1:8000/v1' },
  ollama: { type: 'openai-compatible', baseUrl: 'http://127.0.0.1:11434/v1' },
};
