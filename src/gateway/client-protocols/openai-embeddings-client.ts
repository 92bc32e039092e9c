import { openAIError } from '../../protocols/errors/openai-error-body.ts';
import { validateOpenAIEmbeddingsRequest } from '../../protocols/openai-embeddings/validate-request.ts';
import type { ClientProtocol } from './client-protocol.ts';

/** POST /v1/embeddings. Embeddings go to OpenAI-wire providers only, so there is no decoding. */
export const OPENAI_EMBEDDINGS_CLIENT: ClientProtocol = {
  name: 'openai-embeddings',
  endpoint: 'embeddings',
  wire: 'openai-chat',
  validate: (body) => validateOpenAIEmbeddingsRequest(body, { unknownFields: 'allow' }) as unknown as Record<string, unknown>,
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
