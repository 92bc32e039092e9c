/**
 * How an OpenAI-compatible endpoint differs from api.openai.com on the wire. The OpenAI
 * Chat Completions codecs take a dialect; `src/protocols/openai-compatible/hosts.ts` lists
 * the dialect of each known host.
 */
export interface OpenAIDialect {
  /** Field that carries the output cap in requests. */
  maxTokensField: 'max_completion_tokens' | 'max_tokens';
  /** Field that carries visible reasoning text in responses and stream deltas; absent = none. */
  reasoningField?: 'reasoning_content' | 'reasoning';
  /**
   * Whether earlier turns' reasoning is sent back on assistant messages (in `reasoningField`).
   * DeepSeek answers 400 when deepseek-reasoner gets reasoning_content back.
   */
  echoReasoning: boolean;
  /** Whether the endpoint takes `top_k`. */
  topK: boolean;
  /** Shape of `usage`: OpenAI's, or DeepSeek's (`prompt_cache_hit_tokens` / `prompt_cache_miss_tokens`). */
  usageFormat: 'openai' | 'deepseek';
}

export const OPENAI_DIALECT: OpenAIDialect = { maxTokensField: 'max_completion_tokens', echoReasoning: false, topK: false, usageFormat: 'openai' };
