import { decodeOpenAIChatRequest } from '../../protocols/openai-chat/decode-request.ts';
import { encodeOpenAIChatResponse } from '../../protocols/openai-chat/encode-response.ts';
import { OpenAIChatStreamEncoder } from '../../protocols/openai-chat/stream-encoder.ts';
import { validateOpenAIChatRequest } from '../../protocols/openai-chat/validate-request.ts';
import type { OpenAIChatRequest } from '../../protocols/openai-chat/wire-types.ts';
import { openAIError } from '../../protocols/errors/openai-error-body.ts';
import { formatSseEvent } from '../../protocols/sse/sse-encoder.ts';
import type { ClientProtocol } from './client-protocol.ts';

/**
 * POST /v1/chat/completions. Unknown fields are let through: the provider is the judge of
 * its own fields, and a field the gateway does not model still reaches an OpenAI upstream.
 */
export const OPENAI_CHAT_CLIENT: ClientProtocol = {
  name: 'openai-chat',
  endpoint: 'chat',
  wire: 'openai-chat',
  validate: (body) => validateOpenAIChatRequest(body, { unknownFields: 'allow' }) as unknown as Record<string, unknown>,
  summarize(body) {
    const options = body['stream_options'] as { include_usage?: unknown } | null | undefined;
    return {
      model: body['model'] as string,
      stream: body['stream'] === true,
      includeUsage: options?.include_usage === true,
      user: typeof body['user'] === 'string' && body['user'] !== '' ? body['user'] : undefined,
    };
  },
  decode: (body) => decodeOpenAIChatRequest(body as unknown as OpenAIChatRequest).value,
  encodeResponse: (response) => encodeOpenAIChatResponse(response).value,
  createStreamEncoder: (includeUsage) => new OpenAIChatStreamEncoder({ includeUsage }),
  error: (kind, status, message) => openAIError({ kind, status, message }),
  errorEvent: (kind, message) => formatSseEvent(JSON.stringify(openAIError({ kind, message }).body)),
  invalidJsonMessage:
    "We could not parse the JSON body of your request. (HINT: This likely means you aren't using your HTTP library correctly. The OpenAI API expects a JSON payload, but what was sent was not valid JSON.)",
};
