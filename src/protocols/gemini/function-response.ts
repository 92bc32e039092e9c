import type { TextPart } from '../canonical/parts.ts';

const TEXT_KEYS = ['content', 'output', 'result'];

/**
 * A functionResponse `response` object → tool-result text. `{ content: "..." }` (or
 * `output` / `result`), the usual wrapping of a plain-text result, unwraps to its text;
 * any other object is its JSON.
 */
export function textFromFunctionResponse(response: Record<string, unknown>): string {
  const keys = Object.keys(response);
  if (keys.length === 1) {
    const only = keys[0] as string;
    const value = response[only];
    if (TEXT_KEYS.includes(only) && typeof value === 'string') return value;
  }
  return JSON.stringify(response);
}

/** Tool-result text → a `response` object: a JSON object as itself, other text as `{ content }`. */
export function functionResponseFromText(parts: TextPart[]): Record<string, unknown> {
  const text = parts.map((part) => part.text).join('');
  if (text.startsWith('{')) {
    try {
      const value: unknown = JSON.parse(text);
      if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
    } catch {
      // not JSON: wrap it below
    }
  }
  return { content: text };
}
