import { isObject } from './body-fields.ts';
import type { ToolDefinition } from './prompt-view.ts';
import type { EncodingName } from './types.ts';

/**
 * Constants of `num_tokens_for_tools` in OpenAI's cookbook ("How to count tokens with
 * tiktoken", section 7), which matches the API's prompt_tokens on its example (101 tokens on
 * gpt-4o, 105 on gpt-4 and gpt-3.5-turbo). The gpt-4o set applies to every o200k_base model,
 * the gpt-4 set to every cl100k_base model.
 */
export interface ToolCountConstants {
  functionStart: number;
  propertiesStart: number;
  propertyKey: number;
  enumStart: number;
  enumItem: number;
  /** Once after the last function. */
  functionsEnd: number;
}

export function toolCountConstants(encoding: EncodingName): ToolCountConstants {
  return {
    functionStart: encoding === 'o200k_base' ? 7 : 10,
    propertiesStart: 3,
    propertyKey: 3,
    enumStart: -3,
    enumItem: 3,
    functionsEnd: 12,
  };
}

function withoutFinalPeriod(text: string): string {
  return text.endsWith('.') ? text.slice(0, -1) : text;
}

function typeText(type: unknown): string {
  if (typeof type === 'string') return type;
  return Array.isArray(type) ? type.join(' | ') : '';
}

/**
 * Properties as the cookbook counts them: `name:type:description` plus the enum values. The
 * cookbook stops at the top level; nested object properties (and those of array items) are
 * counted by the same rule, since OpenAI renders them into the prompt too.
 */
function propertiesTokens(schema: unknown, constants: ToolCountConstants, count: (text: string) => number): number {
  if (!isObject(schema) || !isObject(schema.properties)) return 0;
  const entries = Object.entries(schema.properties);
  if (entries.length === 0) return 0;
  let tokens = constants.propertiesStart;
  for (const [name, property] of entries) {
    tokens += constants.propertyKey;
    if (!isObject(property)) {
      tokens += count(`${name}::`);
      continue;
    }
    if (Array.isArray(property.enum)) {
      tokens += constants.enumStart;
      for (const item of property.enum) tokens += constants.enumItem + count(String(item));
    }
    const description = typeof property.description === 'string' ? withoutFinalPeriod(property.description) : '';
    tokens += count(`${name}:${typeText(property.type)}:${description}`);
    tokens += propertiesTokens(property, constants, count);
    tokens += propertiesTokens(property.items, constants, count);
  }
  return tokens;
}

/** Tokens of one function definition, without the `functionsEnd` that closes the list. */
export function openAIToolTokens(tool: ToolDefinition, constants: ToolCountConstants, count: (text: string) => number): number {
  return (
    constants.functionStart +
    count(`${tool.name}:${withoutFinalPeriod(tool.description)}`) +
    propertiesTokens(tool.parameters, constants, count)
  );
}
