/**
 * Gemini `usageMetadata`. `promptTokenCount` includes `cachedContentTokenCount`;
 * `toolUsePromptTokenCount` (tool results fed back to the model) is beside it and billed as
 * input; `thoughtsTokenCount` is outside `candidatesTokenCount` and billed as reasoning.
 * Audio/image modalities stay inside the prompt and candidate counts.
 */
import type { NormalizedUsage, UsageBuckets } from '../buckets.ts';
import { checkPartWithin, readCount, readObject } from '../read-count.ts';

export interface GeminiUsageMetadata {
  promptTokenCount: number;
  cachedContentTokenCount?: number;
  candidatesTokenCount?: number;
  toolUsePromptTokenCount?: number;
  thoughtsTokenCount?: number;
  totalTokenCount: number;
  promptTokensDetails?: { modality: string; tokenCount: number }[];
  cacheTokensDetails?: { modality: string; tokenCount: number }[];
}

export function normalizeGeminiUsage(raw: unknown): NormalizedUsage {
  const usage = readObject(raw, 'usageMetadata');
  const promptTokens = readCount(usage['promptTokenCount'], 'promptTokenCount');
  const cached = readCount(usage['cachedContentTokenCount'], 'cachedContentTokenCount');
  const toolUsePrompt = readCount(usage['toolUsePromptTokenCount'], 'toolUsePromptTokenCount');
  const candidates = readCount(usage['candidatesTokenCount'], 'candidatesTokenCount');
  const thoughts = readCount(usage['thoughtsTokenCount'], 'thoughtsTokenCount');
  checkPartWithin(cached, 'cachedContentTokenCount', promptTokens, 'promptTokenCount');
  const buckets: UsageBuckets = {
    input: promptTokens - cached + toolUsePrompt,
    cacheRead: cached,
    cacheWrite5m: 0,
    cacheWrite1h: 0,
    output: candidates,
    reasoning: thoughts,
  };
  return { format: 'gemini', buckets, raw };
}

/**
 * Buckets → `usageMetadata` as Gemini reports it (zero counts omitted, as its JSON does).
 * Gemini has no per-token cache-write price (context caching is billed as input plus
 * storage time), so cache writes are reported as ordinary prompt tokens.
 */
export function encodeGeminiUsage(buckets: UsageBuckets): GeminiUsageMetadata {
  const promptTokens = buckets.input + buckets.cacheRead + buckets.cacheWrite5m + buckets.cacheWrite1h;
  const usage: GeminiUsageMetadata = {
    promptTokenCount: promptTokens,
    totalTokenCount: promptTokens + buckets.output + buckets.reasoning,
    promptTokensDetails: [{ modality: 'TEXT', tokenCount: promptTokens }],
  };
  if (buckets.output > 0) usage.candidatesTokenCount = buckets.output;
  if (buckets.cacheRead > 0) {
    usage.cachedContentTokenCount = buckets.cacheRead;
    usage.cacheTokensDetails = [{ modality: 'TEXT', tokenCount: buckets.cacheRead }];
  }
  if (buckets.reasoning > 0) usage.thoughtsTokenCount = buckets.reasoning;
  return usage;
}
