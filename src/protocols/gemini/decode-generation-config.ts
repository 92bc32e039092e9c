import type { CanonicalRequest, ReasoningSettings, ResponseFormat } from '../canonical/request.ts';
import { lowerCaseSchemaTypes } from './schema-types.ts';
import type { GeminiGenerationConfig } from './wire-types.ts';

const MODELLED_GENERATION = new Set([
  'stopSequences', 'responseMimeType', 'responseSchema', 'responseJsonSchema', 'candidateCount', 'maxOutputTokens',
  'temperature', 'topP', 'topK', 'seed', 'presencePenalty', 'frequencyPenalty', 'thinkingConfig',
]);

/**
 * generationConfig → the canonical sampling, limits, response format and reasoning; the
 * fields it does not model go to `extensions.gemini.generationConfig`.
 */
export function decodeGenerationConfig(generation: GeminiGenerationConfig, canonical: CanonicalRequest, extensions: Record<string, unknown>): void {
  if (generation.stopSequences !== undefined) canonical.stop = generation.stopSequences;
  if (generation.candidateCount !== undefined) canonical.candidateCount = generation.candidateCount;
  if (generation.maxOutputTokens !== undefined) canonical.maxOutputTokens = generation.maxOutputTokens;
  if (generation.temperature !== undefined) canonical.temperature = generation.temperature;
  if (generation.topP !== undefined) canonical.topP = generation.topP;
  if (generation.topK !== undefined) canonical.topK = generation.topK;
  if (generation.seed !== undefined) canonical.seed = generation.seed;
  if (generation.presencePenalty !== undefined) canonical.presencePenalty = generation.presencePenalty;
  if (generation.frequencyPenalty !== undefined) canonical.frequencyPenalty = generation.frequencyPenalty;
  const unmodelled: Record<string, unknown> = {};
  const format = decodeResponseFormat(generation);
  if (format === undefined && generation.responseMimeType !== undefined) unmodelled['responseMimeType'] = generation.responseMimeType;
  else if (format !== undefined) canonical.responseFormat = format;
  if (generation.thinkingConfig !== undefined) {
    const reasoning = decodeThinking(generation.thinkingConfig);
    if (reasoning === undefined) unmodelled['thinkingConfig'] = generation.thinkingConfig;
    else canonical.reasoning = reasoning;
  }
  for (const key in generation) if (!MODELLED_GENERATION.has(key)) unmodelled[key] = generation[key];
  if (Object.keys(unmodelled).length > 0) extensions['generationConfig'] = unmodelled;
}

function decodeResponseFormat(generation: GeminiGenerationConfig): ResponseFormat | undefined {
  if (generation.responseMimeType === 'text/plain') return { type: 'text' };
  if (generation.responseMimeType !== 'application/json') return undefined;
  if (generation.responseJsonSchema !== undefined) return { type: 'json_schema', schema: generation.responseJsonSchema as Record<string, unknown> };
  if (generation.responseSchema !== undefined) {
    return { type: 'json_schema', schema: lowerCaseSchemaTypes(generation.responseSchema) as Record<string, unknown> };
  }
  return { type: 'json_object' };
}

function decodeThinking(thinking: NonNullable<GeminiGenerationConfig['thinkingConfig']>): ReasoningSettings | undefined {
  const reasoning: ReasoningSettings = {};
  if (thinking.thinkingBudget === 0) reasoning.enabled = false;
  else if (thinking.thinkingBudget === -1) reasoning.enabled = true;
  else if (thinking.thinkingBudget !== undefined) {
    reasoning.enabled = true;
    reasoning.budgetTokens = thinking.thinkingBudget;
  }
  if (thinking.thinkingLevel !== undefined && thinking.thinkingLevel !== 'THINKING_LEVEL_UNSPECIFIED') {
    reasoning.effort = thinking.thinkingLevel.toLowerCase() as ReasoningSettings['effort'] & string;
  }
  if (thinking.includeThoughts !== undefined) reasoning.includeThoughts = thinking.includeThoughts;
  return Object.keys(reasoning).length === 0 ? undefined : reasoning;
}
