import type { GeminiCountTokensRequest, GeminiCountTokensResponse, GeminiGenerateContentRequest } from './wire-types.ts';

/** A validated `:countTokens` body as the generateContent request whose prompt it counts. */
export function countTokensAsGenerateContent(request: GeminiCountTokensRequest): GeminiGenerateContentRequest {
  if (request.generateContentRequest !== undefined) {
    const { model: _model, ...generate } = request.generateContentRequest;
    return generate;
  }
  return { contents: request.contents ?? [] };
}

/** The `:countTokens` response body for a prompt of `totalTokens` text tokens. */
export function encodeGeminiCountTokensResponse(totalTokens: number, cachedTokens = 0): GeminiCountTokensResponse {
  const response: GeminiCountTokensResponse = {
    totalTokens,
    promptTokensDetails: [{ modality: 'TEXT', tokenCount: totalTokens }],
  };
  if (cachedTokens > 0) response.cachedContentTokenCount = cachedTokens;
  return response;
}
