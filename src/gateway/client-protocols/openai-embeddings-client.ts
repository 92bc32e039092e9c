import { openAIError } from '../../protocols/errors/openai-error-body.ts';
import { protocolError } from '../../protocols/errors/protocol-error.ts';
import type { ClientProtocol } from './client-protocol.ts';

function invalid(message: string, param: string): never {
  const { status, body } = openAIError({ kind: 'invalid_request', message, param });
  throw protocolError(message, { protocol: 'openai-embeddings', status, body, param });
}

/**
 * POST /v1/embeddings. Only the fields the gateway needs are checked here (the provider
 * checks the rest); embeddings go to OpenAI-wire providers only, so there is no decoding.
 */
export const OPENAI_EMBEDDINGS_CLIENT: ClientProtocol = {
  name: 'openai-embeddings',
  wire: 'openai-chat',
  validate(body) {
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      invalid(OPENAI_EMBEDDINGS_CLIENT.invalidJsonMessage, '');
    }
    const request = body as Record<string, unknown>;
    if (typeof request['model'] !== 'string' || request['model'] === '') {
      invalid("you must provide a model parameter", 'model');
    }
    const input = request['input'];
    if (typeof input !== 'string' && !Array.isArray(input)) {
      invalid("'input' is a required property and must be a string or an array", 'input');
    }
    return request;
  },
  summarize: (body) => ({
    model: body['model'] as string,
    stream: false,
    includeUsage: false,
    user: typeof body['user'] === 'string' && body['user'] !== '' ? body['user'] : undefined,
  }),
  error: (kind, status, message) => openAIError({ kind, status, message }),
  invalidJsonMessage:
    "We could not parse the JSON body of your request. (HINT: This likely means you aren't using your HTTP library correctly. The OpenAI API expects a JSON payload, but what was sent was not valid JSON.)",
};
