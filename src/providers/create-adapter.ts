import type { ProviderConfig } from '../config/types.ts';
import { anthropicAdapter } from './anthropic/anthropic-adapter.ts';
import { geminiAdapter } from './gemini/gemini-adapter.ts';
import { openAIAdapter } from './openai/openai-adapter.ts';
import { openAICompatibleAdapter } from './openai-compatible/openai-compatible-adapter.ts';
import type { ProviderAdapter } from './provider-adapter.ts';

/** The adapter for a configured provider, by its protocol family. */
export function createAdapter(provider: ProviderConfig): ProviderAdapter {
  switch (provider.type) {
    case 'openai':
      return openAIAdapter();
    case 'anthropic':
      return anthropicAdapter();
    case 'gemini':
      return geminiAdapter();
    case 'openai-compatible':
      return openAICompatibleAdapter(provider);
  }
}
