import { ownExtensions } from '../canonical/extensions.ts';
import type { AssistantPart } from '../canonical/parts.ts';
import type { CanonicalChoice, CanonicalResponse } from '../canonical/response.ts';
import { argumentsToObject } from '../canonical/tool-arguments.ts';
import type { Translation } from '../canonical/translation.ts';
import { usageForFormat } from '../canonical/usage-for-format.ts';
import { stopReasonToGemini } from './finish-reason.ts';
import type { GeminiCandidate, GeminiGenerateContentResponse, GeminiPart } from './wire-types.ts';

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

/** One canonical part → Gemini response parts ([] when it has none here). */
function encodeModelPart(part: AssistantPart, path: string, dropped: string[]): GeminiPart[] {
  switch (part.type) {
    case 'text':
      return [part.thoughtSignature === undefined ? { text: part.text } : { text: part.text, thoughtSignature: part.thoughtSignature }];
    case 'refusal':
      return [{ text: part.text }];
    case 'thinking': {
      if (part.signature !== undefined) dropped.push(`${path}.signature`);
      const thought: GeminiPart = { text: part.text, thought: true };
      if (part.thoughtSignature !== undefined) thought.thoughtSignature = part.thoughtSignature;
      return [thought];
    }
    case 'tool_call': {
      const parsed = argumentsToObject(part.arguments);
      if (!parsed.valid) dropped.push(`${path}.arguments`);
      const call: GeminiPart = { functionCall: { name: part.name, args: parsed.value, id: part.id } };
      if (part.thoughtSignature !== undefined) call.thoughtSignature = part.thoughtSignature;
      return [call];
    }
    case 'redacted_thinking':
      dropped.push(path);
      return [];
    case 'opaque':
      if (part.protocol === 'gemini') return [part.value as GeminiPart];
      dropped.push(path);
      return [];
  }
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
