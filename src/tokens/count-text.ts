import { countEncodedTokens } from './encodings.ts';
import { tokenizerForModel, type ModelTokenizer } from './model-tokenizer.ts';

/** A text counter for one tokenizer: exact for OpenAI models, o200k_base × factor otherwise. */
export function textCounter(tokenizer: ModelTokenizer): (text: string) => number {
  const { encoding, factor } = tokenizer;
  if (factor === 1) return (text) => countEncodedTokens(text, encoding);
  return (text) => Math.round(factor * countEncodedTokens(text, encoding));
}

/** Tokens of a plain text for `model` (no chat-format overhead). */
export function countTextTokens(text: string, model: string): number {
  const tokenizer = tokenizerForModel(model);
  const count = countEncodedTokens(text, tokenizer.encoding);
  return tokenizer.factor === 1 ? count : Math.round(tokenizer.factor * count);
}
