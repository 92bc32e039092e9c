import { decodeAnthropicMessagesRequest } from '../anthropic-messages/decode-request.ts';
import { decodeAnthropicMessagesResponse } from '../anthropic-messages/decode-response.ts';
import { encodeAnthropicMessagesRequest } from '../anthropic-messages/encode-request.ts';
import { encodeAnthropicMessagesResponse } from '../anthropic-messages/encode-response.ts';
import { AnthropicStreamDecoder } from '../anthropic-messages/stream-decoder.ts';
import { AnthropicStreamEncoder } from '../anthropic-messages/stream-encoder.ts';
import { validateAnthropicMessagesRequest } from '../anthropic-messages/validate-request.ts';
import type { AnthropicMessagesRequest, AnthropicMessagesResponse } from '../anthropic-messages/wire-types.ts';
import type { Protocol } from '../canonical/protocol.ts';
import type { CanonicalRequest } from '../canonical/request.ts';
import type { CanonicalResponse } from '../canonical/response.ts';
import type { StreamDecoder, StreamEncoder } from '../canonical/stream-codec.ts';
import type { Translation } from '../canonical/translation.ts';
import { decodeGeminiRequest, type GeminiRequestTarget } from '../gemini/decode-request.ts';
import { decodeGeminiResponse } from '../gemini/decode-response.ts';
import { encodeGeminiRequest } from '../gemini/encode-request.ts';
import { encodeGeminiResponse } from '../gemini/encode-response.ts';
import { GeminiStreamDecoder } from '../gemini/stream-decoder.ts';
import { GeminiStreamEncoder } from '../gemini/stream-encoder.ts';
import { validateGeminiGenerateContentRequest } from '../gemini/validate-request.ts';
import type { GeminiGenerateContentRequest, GeminiGenerateContentResponse } from '../gemini/wire-types.ts';
import { decodeOpenAIChatRequest } from '../openai-chat/decode-request.ts';
import { decodeOpenAIChatResponse } from '../openai-chat/decode-response.ts';
import { OPENAI_DIALECT, type OpenAIDialect } from '../openai-chat/dialect.ts';
import { encodeOpenAIChatRequest } from '../openai-chat/encode-request.ts';
import { encodeOpenAIChatResponse } from '../openai-chat/encode-response.ts';
import { OpenAIChatStreamDecoder } from '../openai-chat/stream-decoder.ts';
import { OpenAIChatStreamEncoder } from '../openai-chat/stream-encoder.ts';
import { validateOpenAIChatRequest } from '../openai-chat/validate-request.ts';
import type { OpenAIChatRequest, OpenAIChatResponse } from '../openai-chat/wire-types.ts';

/** How one side of a translation speaks its protocol. */
export interface ProtocolOptions {
  /** OpenAI-compatible host quirks (see openai-compatible/hosts.ts). Default: api.openai.com. */
  dialect?: OpenAIDialect;
  /** Gemini requests carry model and stream in the URL: needed to decode one. */
  geminiTarget?: GeminiRequestTarget;
  /** Anthropic requires `max_tokens`: used when the canonical request has none. Default 4096. */
  defaultMaxTokens?: number;
  /** Stream encoders for OpenAI: whether the client asked for `stream_options.include_usage`. */
  includeUsage?: boolean;
  /** Validation: reject fields outside the protocol (the provider's behaviour) or allow them. */
  unknownFields?: 'reject' | 'allow';
}

/** Checks a request body at the edge; throws a FRUGAL_INVALID_REQUEST carrying the provider's error body. */
export function validateRequest(protocol: Protocol, body: unknown, options: ProtocolOptions = {}): unknown {
  const validation = options.unknownFields === undefined ? {} : { unknownFields: options.unknownFields };
  switch (protocol) {
    case 'openai-chat':
      return validateOpenAIChatRequest(body, validation);
    case 'anthropic-messages':
      return validateAnthropicMessagesRequest(body, validation);
    case 'gemini':
      return validateGeminiGenerateContentRequest(body, validation);
  }
}

/** A validated wire request → canonical. */
export function decodeRequest(protocol: Protocol, body: unknown, options: ProtocolOptions = {}): Translation<CanonicalRequest> {
  switch (protocol) {
    case 'openai-chat':
      return decodeOpenAIChatRequest(body as OpenAIChatRequest);
    case 'anthropic-messages':
      return decodeAnthropicMessagesRequest(body as AnthropicMessagesRequest);
    case 'gemini':
      return decodeGeminiRequest(body as GeminiGenerateContentRequest, options.geminiTarget ?? { model: '', stream: false });
  }
}

export function encodeRequest(protocol: Protocol, request: CanonicalRequest, options: ProtocolOptions = {}): Translation<unknown> {
  switch (protocol) {
    case 'openai-chat':
      return encodeOpenAIChatRequest(request, options.dialect ?? OPENAI_DIALECT);
    case 'anthropic-messages':
      return encodeAnthropicMessagesRequest(request, options.defaultMaxTokens === undefined ? {} : { defaultMaxTokens: options.defaultMaxTokens });
    case 'gemini':
      return encodeGeminiRequest(request);
  }
}

export function decodeResponse(protocol: Protocol, body: unknown, options: ProtocolOptions = {}): Translation<CanonicalResponse> {
  switch (protocol) {
    case 'openai-chat':
      return decodeOpenAIChatResponse(body as OpenAIChatResponse, options.dialect ?? OPENAI_DIALECT);
    case 'anthropic-messages':
      return decodeAnthropicMessagesResponse(body as AnthropicMessagesResponse);
    case 'gemini':
      return decodeGeminiResponse(body as GeminiGenerateContentResponse);
  }
}

export function encodeResponse(protocol: Protocol, response: CanonicalResponse, options: ProtocolOptions = {}): Translation<unknown> {
  switch (protocol) {
    case 'openai-chat':
      return encodeOpenAIChatResponse(response, options.dialect ?? OPENAI_DIALECT);
    case 'anthropic-messages':
      return encodeAnthropicMessagesResponse(response);
    case 'gemini':
      return encodeGeminiResponse(response);
  }
}

export function createStreamDecoder(protocol: Protocol, options: ProtocolOptions = {}): StreamDecoder {
  switch (protocol) {
    case 'openai-chat':
      return new OpenAIChatStreamDecoder(options.dialect ?? OPENAI_DIALECT);
    case 'anthropic-messages':
      return new AnthropicStreamDecoder();
    case 'gemini':
      return new GeminiStreamDecoder();
  }
}

export function createStreamEncoder(protocol: Protocol, options: ProtocolOptions = {}): StreamEncoder {
  switch (protocol) {
    case 'openai-chat':
      return new OpenAIChatStreamEncoder({ dialect: options.dialect ?? OPENAI_DIALECT, includeUsage: options.includeUsage ?? false });
    case 'anthropic-messages':
      return new AnthropicStreamEncoder();
    case 'gemini':
      return new GeminiStreamEncoder();
  }
}
