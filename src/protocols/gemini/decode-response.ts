import type { AssistantPart } from '../canonical/parts.ts';
import type { CanonicalChoice, CanonicalResponse } from '../canonical/response.ts';
import { argumentsFromObject } from '../canonical/tool-arguments.ts';
import type { Translation } from '../canonical/translation.ts';
import { usageFromFormat } from '../canonical/usage-for-format.ts';
import { stopReasonFromGemini } from './finish-reason.ts';
import type { GeminiCandidate, GeminiGenerateContentResponse, GeminiPart } from './wire-types.ts';

const RESPONSE_FIELDS = new Set(['candidates', 'usageMetadata', 'modelVersion', 'responseId']);
const CANDIDATE_FIELDS = new Set(['content', 'finishReason', 'index']);

/** A generateContent response body → the canonical response. */
export function decodeGeminiResponse(response: GeminiGenerateContentResponse): Translation<CanonicalResponse> {
  const candidates = response.candidates ?? [];
  const choices = candidates.map((candidate, position) => decodeCandidate(candidate, position));
  const blocked = (response.promptFeedback as { blockReason?: string } | undefined)?.blockReason;
  if (choices.length === 0 && blocked !== undefined) choices.push({ index: 0, content: [], stopReason: 'content_filter' });
  const canonical: CanonicalResponse = { id: response.responseId ?? '', model: response.modelVersion ?? '', choices };
  if (response.usageMetadata !== undefined) canonical.usage = usageFromFormat(response.usageMetadata, 'gemini');
  const extensions: Record<string, unknown> = {};
  for (const key in response) if (!RESPONSE_FIELDS.has(key)) extensions[key] = response[key];
  if (Object.keys(extensions).length > 0) canonical.extensions = { gemini: extensions };
  return { value: canonical, dropped: [] };
}

/** One response part → a canonical part; function calls without an id get `call_<candidate>_<part>`. */
export function decodeModelPart(part: GeminiPart, candidate: number, index: number): AssistantPart {
  if (part.functionCall !== undefined) {
    const call: AssistantPart = {
      type: 'tool_call',
      id: part.functionCall.id ?? `call_${candidate}_${index}`,
      name: part.functionCall.name,
      arguments: argumentsFromObject(part.functionCall.args),
    };
    if (part.thoughtSignature !== undefined) call.thoughtSignature = part.thoughtSignature;
    return call;
  }
  if (typeof part.text === 'string') {
    const decoded: AssistantPart = part.thought === true ? { type: 'thinking', text: part.text } : { type: 'text', text: part.text };
    if (part.thoughtSignature !== undefined) decoded.thoughtSignature = part.thoughtSignature;
    return decoded;
  }
  return { type: 'opaque', protocol: 'gemini', value: part };
}

function decodeCandidate(candidate: GeminiCandidate, position: number): CanonicalChoice {
  const index = candidate.index ?? position;
  const parts = candidate.content?.parts ?? [];
  const content = parts.map((part, at) => decodeModelPart(part, index, at));
  const choice: CanonicalChoice = {
    index,
    content,
    stopReason: stopReasonFromGemini(candidate.finishReason, parts.some((part) => part.functionCall !== undefined)),
  };
  const extensions: Record<string, unknown> = {};
  for (const key in candidate) if (!CANDIDATE_FIELDS.has(key)) extensions[key] = candidate[key];
  if (Object.keys(extensions).length > 0) choice.extensions = { gemini: extensions };
  return choice;
}
