import { decodeAnthropicMessagesRequest } from '../../protocols/anthropic-messages/decode-request.ts';
import { encodeAnthropicMessagesResponse } from '../../protocols/anthropic-messages/encode-response.ts';
import { AnthropicStreamEncoder } from '../../protocols/anthropic-messages/stream-encoder.ts';
import { validateAnthropicMessagesRequest } from '../../protocols/anthropic-messages/validate-request.ts';
import type { AnthropicMessagesRequest } from '../../protocols/anthropic-messages/wire-types.ts';
import { anthropicError } from '../../protocols/errors/anthropic-error-body.ts';
import { formatSseEvent } from '../../protocols/sse/sse-encoder.ts';
import type { ClientProtocol } from './client-protocol.ts';

/** POST /v1/messages. Error bodies carry the gateway's request id as `request_id`, as the API's do. */
export const ANTHROPIC_MESSAGES_CLIENT: ClientProtocol = {
  name: 'anthropic-messages',
  endpoint: 'chat',
  wire: 'anthropic-messages',
  validate: (body, requestId) =>
    validateAnthropicMessagesRequest(body, { unknownFields: 'allow', requestId }) as unknown as Record<string, unknown>,
  summarize(body) {
    const metadata = body['metadata'] as { user_id?: unknown } | null | undefined;
    const user = metadata?.user_id;
    return {
      model: body['model'] as string,
      stream: body['stream'] === true,
      includeUsage: true,
      user: typeof user === 'string' && user !== '' ? user : undefined,
    };
  },
  decode: (body) => decodeAnthropicMessagesRequest(body as unknown as AnthropicMessagesRequest).value,
  encodeResponse: (response) => encodeAnthropicMessagesResponse(response).value,
  createStreamEncoder: () => new AnthropicStreamEncoder(),
  error: (kind, status, message, requestId) => anthropicError({ kind, status, message, requestId }),
  errorEvent: (kind, message) => formatSseEvent(JSON.stringify({ type: 'error', error: anthropicError({ kind, message }).body.error }), 'error'),
  invalidJsonMessage: 'There was an error parsing the body of your request. The body must be valid JSON.',
};
