import type { TextPart, ToolResultPart } from './parts.ts';

/**
 * The text parts of a tool result, for wires whose tool results carry text only: images and
 * the error flag and cache hint are reported as dropped.
 */
export function toolResultTexts(result: ToolResultPart, path: string, dropped: string[]): TextPart[] {
  if (result.isError !== undefined) dropped.push(`${path}.isError`);
  if (result.cache !== undefined) dropped.push(`${path}.cache`);
  const texts: TextPart[] = [];
  result.content.forEach((part, index) => {
    if (part.type === 'text') texts.push(part);
    else dropped.push(`${path}.content[${index}]`);
  });
  return texts;
}
