import { decodeAnthropicMessagesResponse } from '../../protocols/anthropic-messages/decode-response.ts';
import { encodeAnthropicMessagesRequest } from '../../protocols/anthropic-messages/encode-request.ts';
import { AnthropicStreamDecoder } from '../../protocols/anthropic-messages/stream-decoder.ts';
import type { AnthropicMessagesResponse } from '../../protocols/anthropic-messages/wire-types.ts';
import type { NormalizedUsage } from '../../usage/buckets.ts';
import { normalizeAnthropicUsage } from '../../usage/shapes/anthropic.ts';
import type { ProviderAdapter } from '../provider-adapter.ts';
import { replaceTopLevelString } from '../replace-top-level-string.ts';
import { AnthropicStreamTap } from './anthropic-stream-tap.ts';
import { readAnthropicError } from './read-anthropic-error.ts';

/** The API version sent when the client did not say (an Anthropic SDK always does). */
export const ANTHROPIC_VERSION = '2023-06-01';

/** Anthropic Messages. The base URL has no version (`https://api.anthropic.com`). */
export function anthropicAdapter(): ProviderAdapter {
  return {
    type: 'anthropic',
    protocol: 'anthropic-messages',
    chatPath: () => '/v1/messages',
    countTokensPath: '/v1/messages/count_tokens',
    authHeaders: (apiKey) => ({ 'x-api-key': apiKey, 'anthropic-version': ANTHROPIC_VERSION }),
    encodeRequest: (request) => encodeAnthropicMessagesRequest(request),
    decodeResponse: (body) => decodeAnthropicMessagesResponse(body as AnthropicMessagesResponse),
    createStreamDecoder: () => new AnthropicStreamDecoder(),
    readError: readAnthropicError,
    passthrough: {
      forwardedHeaders: ['anthropic-version', 'anthropic-beta'],
      prepare(body, bytes, model) {
        if (body['model'] === model) return bytes;
        body['model'] = model;
        return replaceTopLevelString(bytes, 'model', model) ?? JSON.stringify(body);
      },
      readUsage(body): NormalizedUsage | undefined {
        const usage = typeof body === 'object' && body !== null ? (body as Record<string, unknown>)['usage'] : undefined;
        return typeof usage === 'object' && usage !== null ? normalizeAnthropicUsage(usage) : undefined;
      },
      createTap: () => new AnthropicStreamTap(),
    },
  };
}
