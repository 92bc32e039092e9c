import { decodeGeminiResponse } from '../../protocols/gemini/decode-response.ts';
import { encodeGeminiRequest, geminiRequestPath } from '../../protocols/gemini/encode-request.ts';
import { GeminiStreamDecoder } from '../../protocols/gemini/stream-decoder.ts';
import type { GeminiGenerateContentResponse } from '../../protocols/gemini/wire-types.ts';
import type { ProviderAdapter } from '../provider-adapter.ts';
import { readGeminiError } from './read-gemini-error.ts';

/**
 * Gemini generateContent. The model and the stream flag travel in the URL; streams use
 * `alt=sse` and always carry `usageMetadata`. No client speaks this wire to the gateway,
 * so there is no same-protocol path.
 */
export function geminiAdapter(): ProviderAdapter {
  return {
    type: 'gemini',
    protocol: 'gemini',
    chatPath: geminiRequestPath,
    authHeaders: (apiKey) => ({ 'x-goog-api-key': apiKey }),
    encodeRequest: (request) => encodeGeminiRequest(request),
    decodeResponse: (body) => decodeGeminiResponse(body as GeminiGenerateContentResponse),
    createStreamDecoder: () => new GeminiStreamDecoder(),
    readError: readGeminiError,
  };
}
