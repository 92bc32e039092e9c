import { parseJsonText } from './json-text.ts';
import type { Validator } from './validator.ts';

export interface JsonParseOptions {
  name?: string;
  /** Accept one Markdown code fence around the JSON (default true). */
  allowCodeFence?: boolean;
}

/** Passes when the response text is valid JSON. */
export function jsonParseValidator(options: JsonParseOptions = {}): Validator {
  const allowCodeFence = options.allowCodeFence ?? true;
  return {
    name: options.name ?? 'json-parse',
    kind: 'json-parse',
    async validate(input) {
      const parsed = parseJsonText(input.text, allowCodeFence);
      return parsed.ok ? { pass: true, reason: 'the response is valid JSON' } : { pass: false, reason: parsed.reason };
    },
  };
}
