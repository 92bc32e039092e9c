import { USAGE_FORMATS, type NormalizedUsage, type UsageFormat } from './buckets.ts';
import { FrugalError } from '../errors/frugal-error.ts';
import { detectUsageFormat } from './detect-format.ts';
import { readObject } from './read-count.ts';
import { normalizeAnthropicUsage } from './shapes/anthropic.ts';
import { normalizeDeepSeekUsage } from './shapes/deepseek.ts';
import { normalizeFrugalUsage } from './shapes/frugal.ts';
import { normalizeGeminiUsage } from './shapes/gemini.ts';
import { normalizeOpenAIChatUsage } from './shapes/openai-chat.ts';
import { normalizeOpenAIResponsesUsage } from './shapes/openai-responses.ts';

export const NORMALIZERS: Record<UsageFormat, (raw: unknown, serviceTier?: string) => NormalizedUsage> = {
  openai: normalizeOpenAIChatUsage,
  'openai-responses': normalizeOpenAIResponsesUsage,
  anthropic: normalizeAnthropicUsage,
  gemini: normalizeGeminiUsage,
  deepseek: normalizeDeepSeekUsage,
  frugal: normalizeFrugalUsage,
};

export function isUsageFormat(value: string): value is UsageFormat {
  return (USAGE_FORMATS as readonly string[]).includes(value);
}

interface Unwrapped {
  usage: unknown;
  serviceTier?: string;
  format?: UsageFormat;
}

/**
 * A whole response body carries its usage in `usage` (OpenAI, Anthropic, DeepSeek) or
 * `usageMetadata` (Gemini); OpenAI echoes `service_tier` beside it, and a Responses body
 * says `"object": "response"`.
 */
function unwrapResponse(body: Record<string, unknown>): Unwrapped | undefined {
  const metadata = body['usageMetadata'];
  if (typeof metadata === 'object' && metadata !== null) return { usage: metadata, format: 'gemini' };
  const usage = body['usage'];
  if (typeof usage !== 'object' || usage === null) return undefined;
  const unwrapped: Unwrapped = { usage };
  if (typeof body['service_tier'] === 'string') unwrapped.serviceTier = body['service_tier'];
  if (body['object'] === 'response') unwrapped.format = 'openai-responses';
  return unwrapped;
}

/**
 * Native usage (or a whole response body holding it) → exclusive buckets. The format is
 * detected from the object's fields unless given.
 */
export function normalizeUsage(value: unknown, format?: UsageFormat): NormalizedUsage {
  const object = readObject(value, 'usage');
  let usage: unknown = object;
  let serviceTier: string | undefined;
  let detected = detectUsageFormat(object);
  if (detected === undefined) {
    const unwrapped = unwrapResponse(object);
    if (unwrapped !== undefined) {
      usage = unwrapped.usage;
      serviceTier = unwrapped.serviceTier;
      detected = unwrapped.format ?? detectUsageFormat(readObject(unwrapped.usage, 'usage'));
    }
  }
  detected = format ?? detected;
  if (detected === undefined) {
    throw new FrugalError(
      'FRUGAL_INVALID_USAGE',
      `usage has no field of a known usage format (fields: ${Object.keys(object).join(', ') || 'none'}); ` +
        `expected one of ${USAGE_FORMATS.join(', ')}`,
      { fields: Object.keys(object) },
    );
  }
  return NORMALIZERS[detected](usage, serviceTier);
}
