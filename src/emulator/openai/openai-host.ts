import type { OpenAIDialect } from '../../protocols/openai-chat/dialect.ts';
import { DEEPSEEK_CACHE_POLICY, openaiCachePolicy } from '../cache/automatic-cache-policies.ts';
import type { CacheBehaviour } from '../engine/measure-prompt.ts';

/** One host that speaks OpenAI Chat Completions: api.openai.com or an OpenAI-compatible provider. */
export interface OpenAIHost {
  /** Catalog provider whose models this host serves. */
  provider: string;
  dialect: OpenAIDialect;
  /** api.openai.com rejects unknown fields; compatible hosts accept extras such as top_k. */
  unknownFields: 'reject' | 'allow';
  /** How this host caches prompts. */
  cache(cacheKey: string | undefined, retention: string | undefined): CacheBehaviour;
}

export function openAICacheBehaviour(cacheKey: string | undefined, retention: string | undefined): CacheBehaviour {
  const behaviour: CacheBehaviour = { kind: 'automatic', policy: openaiCachePolicy(retention) };
  if (cacheKey !== undefined) behaviour.cacheKey = cacheKey;
  return behaviour;
}

/** DeepSeek caches every prompt on disk in 64-token units; other compatible hosts are treated like OpenAI. */
export function compatibleCacheBehaviour(provider: string): OpenAIHost['cache'] {
  if (provider === 'deepseek') return () => ({ kind: 'automatic', policy: DEEPSEEK_CACHE_POLICY });
  return openAICacheBehaviour;
}
