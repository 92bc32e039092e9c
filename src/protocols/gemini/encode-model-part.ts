import type { AssistantPart, TextPart } from '../canonical/parts.ts';
import { argumentsToObject } from '../canonical/tool-arguments.ts';
import type { GeminiPart } from './wire-types.ts';

export function encodeTextPart(part: TextPart, path: string, dropped: string[]): GeminiPart {
  if (part.cache !== undefined) dropped.push(`${path}.cache`);
  return part.thoughtSignature === undefined ? { text: part.text } : { text: part.text, thoughtSignature: part.thoughtSignature };
}

/** One canonical assistant part → Gemini `model` parts ([] when it has none here); shared by requests and responses. */
export function encodeModelPart(part: AssistantPart, path: string, dropped: string[]): GeminiPart[] {
  switch (part.type) {
    case 'text':
      return [encodeTextPart(part, path, dropped)];
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
      if (part.cache !== undefined) dropped.push(`${path}.cache`);
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
