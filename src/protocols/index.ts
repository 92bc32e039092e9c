/**
 * Frugal's wire protocols: validation at the edge with each provider's own errors, the
 * canonical request / response / stream-event model, codecs both ways for OpenAI Chat
 * Completions (and OpenAI-compatible hosts), Anthropic Messages and Gemini, SSE, and
 * translation between them. See docs/protocols.md.
 */

// canonical model
export type { AssistantPart, CacheHint, ImagePart, ImageSource, OpaquePart, Part, RedactedThinkingPart, RefusalPart, TextPart, ThinkingPart, ToolCallPart, ToolResultPart, UserPart } from './canonical/parts.ts';
export { PROTOCOLS, type Extensions, type Protocol } from './canonical/protocol.ts';
export {
  REASONING_EFFORTS,
  type AssistantMessage,
  type CacheSettings,
  type CanonicalMessage,
  type CanonicalRequest,
  type CanonicalTool,
  type FunctionTool,
  type OpaqueTool,
  type ReasoningEffort,
  type ReasoningSettings,
  type ResponseFormat,
  type ServiceTier,
  type SystemMessage,
  type ToolChoice,
  type ToolMessage,
  type UserMessage,
} from './canonical/request.ts';
export type { CanonicalChoice, CanonicalResponse } from './canonical/response.ts';
export { STOP_REASONS, type StopReason } from './canonical/stop-reason.ts';
export type { CanonicalStreamEvent, PartStart, StreamError } from './canonical/stream-event.ts';
export type { StreamDecoder, StreamEncoder } from './canonical/stream-codec.ts';
export type { Translation } from './canonical/translation.ts';
export { budgetForEffort, effortForBudget } from './canonical/reasoning-effort.ts';

// server-sent events
export { parseSse, SseParser, type SseEvent } from './sse/sse-parser.ts';
export { formatSseComment, formatSseEvent } from './sse/sse-encoder.ts';

// errors in each provider's shape
export { ERROR_KINDS, errorKindForStatus, type ErrorKind } from './errors/error-kind.ts';
export { errorResponse, type ErrorResponseOptions } from './errors/error-response.ts';
export { errorKindForOpenAIError, openAIError, type OpenAIErrorBody, type OpenAIErrorOptions } from './errors/openai-error-body.ts';
export { anthropicError, errorKindForAnthropicType, type AnthropicErrorBody, type AnthropicErrorOptions } from './errors/anthropic-error-body.ts';
export { errorKindForGeminiStatus, geminiError, type GeminiErrorBody, type GeminiErrorOptions } from './errors/gemini-error-body.ts';
export { isProtocolError, protocolError, type ProtocolErrorDetails } from './errors/protocol-error.ts';

// OpenAI Chat Completions and OpenAI-compatible hosts
export type * from './openai-chat/wire-types.ts';
export { OPENAI_DIALECT, type OpenAIDialect } from './openai-chat/dialect.ts';
export { validateOpenAIChatRequest, type OpenAIValidationOptions } from './openai-chat/validate-request.ts';
export { decodeOpenAIChatRequest } from './openai-chat/decode-request.ts';
export { encodeOpenAIChatRequest } from './openai-chat/encode-request.ts';
export { decodeOpenAIChatResponse } from './openai-chat/decode-response.ts';
export { encodeOpenAIChatResponse } from './openai-chat/encode-response.ts';
export { OpenAIChatStreamDecoder } from './openai-chat/stream-decoder.ts';
export { OpenAIChatStreamEncoder, type OpenAIStreamEncoderOptions } from './openai-chat/stream-encoder.ts';
export { OPENAI_COMPATIBLE_HOSTS, type OpenAICompatibleHost, type OpenAICompatibleHostName } from './openai-compatible/hosts.ts';

// OpenAI embeddings
export type { OpenAIEmbedding, OpenAIEmbeddingsRequest, OpenAIEmbeddingsResponse } from './openai-embeddings/wire-types.ts';
export { embeddingInputs, validateOpenAIEmbeddingsRequest } from './openai-embeddings/validate-request.ts';
export { base64Float32, encodeOpenAIEmbeddingsResponse, type EmbeddingsResult } from './openai-embeddings/encode-response.ts';

// Anthropic Messages
export type * from './anthropic-messages/wire-types.ts';
export {
  validateAnthropicCountTokensRequest,
  validateAnthropicMessagesRequest,
  type AnthropicValidationOptions,
} from './anthropic-messages/validate-request.ts';
export { decodeAnthropicMessagesRequest } from './anthropic-messages/decode-request.ts';
export { encodeAnthropicMessagesRequest, type AnthropicEncodeOptions } from './anthropic-messages/encode-request.ts';
export { decodeAnthropicMessagesResponse } from './anthropic-messages/decode-response.ts';
export { encodeAnthropicMessagesResponse } from './anthropic-messages/encode-response.ts';
export { AnthropicStreamDecoder } from './anthropic-messages/stream-decoder.ts';
export { AnthropicStreamEncoder } from './anthropic-messages/stream-encoder.ts';

// Gemini
export type * from './gemini/wire-types.ts';
export {
  validateGeminiCountTokensRequest,
  validateGeminiGenerateContentRequest,
  type GeminiValidationOptions,
} from './gemini/validate-request.ts';
export { decodeGeminiRequest, type GeminiRequestTarget } from './gemini/decode-request.ts';
export { encodeGeminiRequest, geminiRequestPath } from './gemini/encode-request.ts';
export { decodeGeminiResponse } from './gemini/decode-response.ts';
export { encodeGeminiResponse } from './gemini/encode-response.ts';
export { GeminiStreamDecoder } from './gemini/stream-decoder.ts';
export { GeminiStreamEncoder } from './gemini/stream-encoder.ts';
export { countTokensAsGenerateContent, encodeGeminiCountTokensResponse, type GeminiTokenBreakdown } from './gemini/count-tokens.ts';

// translation
export {
  createStreamDecoder,
  createStreamEncoder,
  decodeRequest,
  decodeResponse,
  encodeRequest,
  encodeResponse,
  validateRequest,
  type ProtocolOptions,
} from './translate/codecs.ts';
export { translateRequest, translateResponse } from './translate/translate.ts';
export { StreamTranslator, type StreamTranslatorOptions } from './translate/stream-translator.ts';
export { StreamAccumulator } from './translate/accumulate-stream.ts';
export { responseToStreamEvents, type StreamingOptions } from './translate/response-to-events.ts';
