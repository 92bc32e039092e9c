import { ownExtensions } from '../canonical/extensions.ts';
import type { CanonicalChoice, CanonicalResponse } from '../canonical/response.ts';
import type { Translation } from '../canonical/translation.ts';
import { usageForFormat } from '../canonical/usage-for-format.ts';
import { encodeModelPart } from './encode-model-part.ts';
import { stopReasonToGemini } from './finish-reason.ts';
import type { GeminiCandidate, GeminiGenerateContentResponse } from './wire-types.ts';

/** The canonical response → a generateContent response body, fields in the API's order. */
export function encodeGeminiResponse(response: CanonicalResponse): Translation<GeminiGenerateContentResponse> {
  const dropped: string[] = [];
  const body: GeminiGenerateContentResponse = {
    candidates: response.choices.map((choice, position) => encodeCandidate(choice, `choices[${position}]`, dropped)),
  };
  if (response.usage !== undefined) body.usageMetadata = usageForFormat(response.usage, 'gemini', dropped) as Record<string, unknown>;
  body.modelVersion = response.model;
  body.responseId = response.id;
  if (response.serviceTier !== undefined) dropped.push('serviceTier');
  Object.assign(body, ownExtensions(response.extensions, 'gemini', dropped));
  return { value: body, dropped };
}

function encodeCandidate(choice: CanonicalChoice, path: string, dropped: string[]): GeminiCandidate {
  const parts = choice.content.flatMap((part, index) => encodeModelPart(part, `${path}.content[${index}]`, dropped));
  const candidate: GeminiCandidate = { content: parts.length === 0 ? { role: 'model' } : { parts, role: 'model' } };
  if (choice.stopReason !== null) candidate.finishReason = stopReasonToGemini(choice.stopReason);
  candidate.index = choice.index;
  if (choice.stopSequence !== undefined) dropped.push(`${path}.stopSequence`);
  Object.assign(candidate, ownExtensions(choice.extensions, 'gemini', dropped, `${path}.extensions`));
  return candidate;
}
