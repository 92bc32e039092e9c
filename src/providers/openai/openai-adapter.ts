import type { CanonicalRequest } from '../../protocols/canonical/request.ts';
import { usageFromFormat } from '../../protocols/canonical/usage-for-format.ts';
import { decodeOpenAIChatResponse } from '../../protocols/openai-chat/decode-response.ts';
import { OPENAI_DIALECT, type OpenAIDialect } from '../../protocols/openai-chat/dialect.ts';
import { encodeOpenAIChatRequest } from '../../protocols/openai-chat/encode-request.ts';
import { OpenAIChatStreamDecoder } from '../../protocols/openai-chat/stream-decoder.ts';
import type { OpenAIChatResponse } from '../../protocols/openai-chat/wire-types.ts';
import type { NormalizedUsage } from '../../usage/buckets.ts';
import { insertFirstField } from '../insert-first-field.ts';
import { replaceTopLevelString } from '../replace-top-level-string.ts';
import type { Passthrough, ProviderAdapter } from '../provider-adapter.ts';
import { OpenAIStreamTap } from './openai-stream-tap.ts';
import { readEmbeddingsUsage } from './read-embeddings-usage.ts';
import { readOpenAIError } from './read-openai-error.ts';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Streams always ask for usage upstream: without it a streamed call could not be metered. */
function lacksStreamUsage(body: Record<string, unknown>): boolean {
  if (body['stream'] !== true) return false;
  const options = body['stream_options'];
  return !(isRecord(options) && options['include_usage'] === true);
}

function withStreamUsage(body: Record<string, unknown>): void {
  if (!lacksStreamUsage(body)) return;
  const options = body['stream_options'];
  body['stream_options'] = { ...(isRecord(options) ? options : {}), include_usage: true };
}

const STREAM_USAGE_MEMBER = '"stream_options":{"include_usage":true}';

function passthrough(dialect: OpenAIDialect): Passthrough {
  return {
    forwardedHeaders: [],
    prepare(body, bytes, model) {
      const rename = body['model'] !== model;
      const askUsage = lacksStreamUsage(body);
      if (!rename && !askUsage) return bytes;
      // Edited in place where that is unambiguous: re-serializing a large body costs far more.
      let edited: Buffer | undefined = rename ? replaceTopLevelString(bytes, 'model', model) : bytes;
      if (edited !== undefined && askUsage) edited = body['stream_options'] === undefined ? insertFirstField(edited, STREAM_USAGE_MEMBER) : undefined;
      withStreamUsage(body);
      body['model'] = model;
      return edited ?? JSON.stringify(body);
    },
    readUsage(body): NormalizedUsage | undefined {
      if (!isRecord(body) || !isRecord(body['usage'])) return undefined;
      if (body['object'] === 'list') return readEmbeddingsUsage(body['usage']);
      const tier = typeof body['service_tier'] === 'string' ? body['service_tier'] : undefined;
      return usageFromFormat(body['usage'], dialect.usageFormat, tier);
    },
    createTap: (clientWantsUsage) => new OpenAIStreamTap(dialect.usageFormat, clientWantsUsage),
  };
}

/**
 * OpenAI Chat Completions and embeddings, for api.openai.com (`type: openai`) and, with a
 * host's dialect, for OpenAI-compatible hosts. Base URLs end in `/v1`.
 */
export function openAIAdapter(type: 'openai' | 'openai-compatible' = 'openai', dialect: OpenAIDialect = OPENAI_DIALECT): ProviderAdapter {
  return {
    type,
    protocol: 'openai-chat',
    chatPath: () => '/chat/completions',
    embeddingsPath: '/embeddings',
    authHeaders: (apiKey) => ({ authorization: `Bearer ${apiKey}` }),
    encodeRequest(request: CanonicalRequest) {
      const translation = encodeOpenAIChatRequest(request, dialect);
      withStreamUsage(translation.value as Record<string, unknown>);
      return translation;
    },
    decodeResponse: (body) => decodeOpenAIChatResponse(body as OpenAIChatResponse, dialect),
    createStreamDecoder: () => new OpenAIChatStreamDecoder(dialect),
    readError: readOpenAIError,
    passthrough: passthrough(dialect),
  };
}
