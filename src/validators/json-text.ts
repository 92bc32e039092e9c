const FENCE = /^\s*```[a-zA-Z]*\s*\n([\s\S]*?)\n?\s*```\s*$/;

export type JsonParseResult = { ok: true; value: unknown } | { ok: false; reason: string };

/**
 * Parses a response as JSON. Models often wrap JSON in a Markdown code fence even when asked
 * not to; `allowCodeFence` accepts exactly one fence around the whole text.
 */
export function parseJsonText(text: string, allowCodeFence: boolean): JsonParseResult {
  const fenced = allowCodeFence ? FENCE.exec(text) : null;
  const body = fenced === null ? text : fenced[1]!;
  if (body.trim() === '') return { ok: false, reason: 'the response is empty, not JSON' };
  try {
    return { ok: true, value: JSON.parse(body) };
  } catch (error) {
    return { ok: false, reason: `the response is not valid JSON: ${(error as Error).message}` };
  }
}
