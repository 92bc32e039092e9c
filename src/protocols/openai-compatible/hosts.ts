import { OPENAI_DIALECT, type OpenAIDialect } from '../openai-chat/dialect.ts';

/** An OpenAI-compatible endpoint: where it lives by default, how its wire differs, and what to know. */
export interface OpenAICompatibleHost {
  name: string;
  /** The documented default base URL (operators may override it in their configuration). */
  baseUrl: string;
  dialect: OpenAIDialect;
  /** Known quirks, as each host documents them. */
  notes: string[];
}

export const OPENAI_COMPATIBLE_HOSTS = {
  openai: {
    name: 'OpenAI',
    baseUrl: 'https://api.openai.com/v1',
    dialect: OPENAI_DIALECT,
    notes: ['The reference wire: rejects unknown request fields; `usage` only in streams with stream_options.include_usage.'],
  },
  deepseek: {
    name: 'DeepSeek',
    baseUrl: 'https://api.deepseek.com/v1',
    dialect: { maxTokensField: 'max_tokens', reasoningField: 'reasoning_content', echoReasoning: false, topK: false, usageFormat: 'deepseek' },
    notes: [
      'usage adds prompt_cache_hit_tokens and prompt_cache_miss_tokens (their sum is prompt_tokens); the disk cache is automatic.',
      'deepseek-reasoner returns its chain of thought in message.reasoning_content / delta.reasoning_content, counted in completion_tokens_details.reasoning_tokens; sending reasoning_content back in messages is a 400.',
      'Takes max_tokens, not max_completion_tokens.',
    ],
  },
  openrouter: {
    name: 'OpenRouter',
    baseUrl: 'https://openrouter.ai/api/v1',
    dialect: { maxTokensField: 'max_tokens', reasoningField: 'reasoning', echoReasoning: true, topK: true, usageFormat: 'openai' },
    notes: [
      'Streams carry SSE comment lines (": OPENROUTER PROCESSING") as keep-alives: parsers must skip comments.',
      'Reasoning text is in message.reasoning / delta.reasoning; the request takes a `reasoning` object beside reasoning_effort.',
      'Accepts extra sampling fields (top_k, min_p, repetition_penalty) and routing fields (provider, models).',
    ],
  },
  together: {
    name: 'Together AI',
    baseUrl: 'https://api.together.xyz/v1',
    dialect: { maxTokensField: 'max_tokens', echoReasoning: false, topK: true, usageFormat: 'openai' },
    notes: ['Accepts top_k and repetition_penalty; some reasoning models inline their thinking in <think> tags inside content.'],
  },
  fireworks: {
    name: 'Fireworks AI',
    baseUrl: 'https://api.fireworks.ai/inference/v1',
    dialect: { maxTokensField: 'max_tokens', reasoningField: 'reasoning_content', echoReasoning: false, topK: true, usageFormat: 'openai' },
    notes: ['Accepts top_k; reasoning models return reasoning_content.'],
  },
  groq: {
    name: 'Groq',
    baseUrl: 'https://api.groq.com/openai/v1',
    dialect: { maxTokensField: 'max_completion_tokens', reasoningField: 'reasoning', echoReasoning: false, topK: false, usageFormat: 'openai' },
    notes: ['n must be 1; logprobs, logit_bias and messages[].name are not supported.', 'Reasoning text is in message.reasoning when reasoning_format is "parsed".'],
  },
  vllm: {
    name: 'vLLM',
    baseUrl: 'http://localhost:8000/v1',
    dialect: { maxTokensField: 'max_tokens', reasoningField: 'reasoning_content', echoReasoning: false, topK: true, usageFormat: 'openai' },
    notes: [
      'Accepts extra sampling fields (top_k, min_p, repetition_penalty) beside the OpenAI ones.',
      'With a reasoning parser, reasoning text is in reasoning_content; some versions answer finish_reason "stop" with tool_calls (decoded as tool_use).',
    ],
  },
  ollama: {
    name: 'Ollama',
    baseUrl: 'http://localhost:11434/v1',
    dialect: { maxTokensField: 'max_tokens', reasoningField: 'reasoning', echoReasoning: false, topK: false, usageFormat: 'openai' },
    notes: ['Ignores n (one choice); usage has no cached-token detail; older builds answer finish_reason "stop" with tool_calls.'],
  },
} as const satisfies Record<string, OpenAICompatibleHost>;

export type OpenAICompatibleHostName = keyof typeof OPENAI_COMPATIBLE_HOSTS;
