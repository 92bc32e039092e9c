import type { ModelKind } from '../types.ts';

/** LiteLLM provider name → Frugal provider route. */
export const PROVIDER_NAMES: Readonly<Record<string, string>> = {
  openai: 'openai',
  anthropic: 'anthropic',
  gemini: 'gemini',
  deepseek: 'deepseek',
  openrouter: 'openrouter',
  together_ai: 'together',
  fireworks_ai: 'fireworks',
  groq: 'groq',
};

const KINDS: Readonly<Record<string, ModelKind>> = {
  chat: 'chat',
  responses: 'responses',
  completion: 'completion',
  embedding: 'embedding',
};

export interface SnapshotRecord {
  litellm_provider?: unknown;
  mode?: unknown;
  [field: string]: unknown;
}

export interface Selection {
  provider: string;
  model: string;
  kind: ModelKind;
  /** Other names for the model: the LiteLLM key when it is not "provider/model", short Fireworks ids. */
  aliases: string[];
}

const FIREWORKS_PREFIX = 'accounts/fireworks/models/';

/**
 * Whether a snapshot entry belongs in the catalog, and under which provider and model id.
 * Kept: every token-priced model (chat, responses, completion, embedding) of the eight
 * providers Frugal routes to. Left out: image, audio, video, rerank and moderation models
 * (billed per image, second or character, not in token buckets) and LiteLLM's
 * parameter-size price bands ("fireworks-ai-up-to-4b", "together-ai-8.1b-21b"), which
 * are not model ids.
 */
export function selectEntry(key: string, record: SnapshotRecord): Selection | undefined {
  const litellmProvider = typeof record.litellm_provider === 'string' ? record.litellm_provider : '';
  const provider = PROVIDER_NAMES[litellmProvider];
  const kind = typeof record.mode === 'string' ? KINDS[record.mode] : undefined;
  if (provider === undefined || kind === undefined) return undefined;
  if (!key.includes('/') && /^(together-ai|fireworks-ai)-/.test(key)) return undefined;
  const model = key.startsWith(`${litellmProvider}/`) ? key.slice(litellmProvider.length + 1) : key;
  if (model === '' || model.endsWith('/')) return undefined;
  const aliases: string[] = [];
  if (key !== model && key !== `${provider}/${model}`) aliases.push(key);
  if (provider === 'fireworks' && model.startsWith(FIREWORKS_PREFIX)) aliases.push(model.slice(FIREWORKS_PREFIX.length));
  return { provider, model, kind, aliases };
}
