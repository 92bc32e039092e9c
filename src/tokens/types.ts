/** The wire protocols whose request bodies Frugal can count. */
export type RequestProtocol = 'openai' | 'anthropic' | 'gemini';

/**
 * Whose tokenizer and prompt format applies to a model: OpenAI models are counted exactly with
 * their own encoding; the others are estimated from o200k_base with a calibration factor.
 */
export type TokenizerFamily = 'openai' | 'anthropic' | 'gemini' | 'other';

/** Which part of the prompt a block belongs to; tools and system form the stable prefix. */
export type PromptSection = 'tools' | 'system' | 'messages';

/** One block of a prompt, in the provider's prefix order, with the tokens it adds. */
export interface PrefixBlock {
  /** Where the block sits in the request body, e.g. "tools[2]", "system[0]", "messages[3].content[1]". */
  location: string;
  section: PromptSection;
  tokens: number;
  /** Anthropic `cache_control` on this block: a cache breakpoint. */
  cacheControl?: { ttl: '5m' | '1h' };
}

export interface RequestTokenCount {
  /** Input tokens of the whole request; always the sum of `blocks[].tokens`. */
  total: number;
  blocks: PrefixBlock[];
  /** True when counted with the model's own tokenizer and documented rules (OpenAI models). */
  exact: boolean;
  family: TokenizerFamily;
  /** The BPE encoding the count is based on. */
  encoding: EncodingName;
  /** Assumptions made and parts that could not be counted, naming their location. */
  notes: string[];
}

export type EncodingName = 'o200k_base' | 'cl100k_base';
