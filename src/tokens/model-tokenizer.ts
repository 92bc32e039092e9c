import { ESTIMATE_FACTORS } from './calibration.ts';
import type { EncodingName, TokenizerFamily } from './types.ts';

export interface ModelTokenizer {
  family: TokenizerFamily;
  encoding: EncodingName;
  /** True when the count uses the model's own encoding (OpenAI models). */
  exact: boolean;
  /** Provider tokens per o200k_base token; 1 for exact counts. */
  factor: number;
}

/** OpenAI models on cl100k_base: GPT-4 and GPT-4 Turbo, GPT-3.5 Turbo, the ada-002 and v3 embeddings. */
const CL100K = /^(gpt-4(-|$)|gpt-3\.5|text-embedding-3|text-embedding-ada-002)/;
/** OpenAI models on o200k_base: GPT-4o, GPT-4.1, GPT-4.5, GPT-5, the o-series, chatgpt-4o. */
const O200K = /^(gpt-4o|gpt-4\.1|gpt-4\.5|gpt-5|o1|o3|o4|chatgpt-|codex-mini|computer-use)/;

/** "openai/gpt-4o" → "gpt-4o", "ft:gpt-4o-mini:org::id" → "gpt-4o-mini:org::id", "models/gemini-2.5-flash" → "gemini-2.5-flash". */
function bareName(model: string): string {
  const lower = model.trim().toLowerCase();
  const slash = lower.lastIndexOf('/');
  const name = slash === -1 ? lower : lower.slice(slash + 1);
  return name.startsWith('ft:') ? name.slice(3) : name;
}

const known = new Map<string, ModelTokenizer>();

function classify(model: string): ModelTokenizer {
  const name = bareName(model);
  if (CL100K.test(name)) return { family: 'openai', encoding: 'cl100k_base', exact: true, factor: 1 };
  if (O200K.test(name)) return { family: 'openai', encoding: 'o200k_base', exact: true, factor: 1 };
  if (name.includes('claude')) return { family: 'anthropic', encoding: 'o200k_base', exact: false, factor: ESTIMATE_FACTORS.anthropic };
  if (name.includes('gemini') || name.includes('gemma')) {
    return { family: 'gemini', encoding: 'o200k_base', exact: false, factor: ESTIMATE_FACTORS.gemini };
  }
  return { family: 'other', encoding: 'o200k_base', exact: false, factor: ESTIMATE_FACTORS.other };
}

/** How tokens are counted for `model`: its family, encoding, and whether the count is exact. */
export function tokenizerForModel(model: string): ModelTokenizer {
  let found = known.get(model);
  if (found === undefined) {
    found = classify(model);
    if (known.size < 10_000) known.set(model, found);
  }
  return found;
}
