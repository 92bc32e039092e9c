/** Token counting: exact for OpenAI models, calibrated estimates for the others (docs/tokens.md). */
export { countTextTokens } from './count-text.ts';
export { countOpenAIChatRequest, countRequestTokens, estimateAnthropicRequest, estimateGeminiRequest } from './count-request.ts';
export { detectRequestProtocol } from './detect-protocol.ts';
export { tokenizerForModel, type ModelTokenizer } from './model-tokenizer.ts';
export { stablePrefixTokens } from './stable-prefix.ts';
export type { EncodingName, PrefixBlock, PromptSection, RequestProtocol, RequestTokenCount, TokenizerFamily } from './types.ts';
