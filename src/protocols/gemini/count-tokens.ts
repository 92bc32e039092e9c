import type { GeminiCountTokensRequest, GeminiCountTokensResponse, GeminiGenerateContentRequest } from './wire-types.ts';

/** A validated `:countTokens` body as the generateContent request whose prompt it counts. */
export function countTokensAsGenerateContent(request: GeminiCountTokensRequest): GeminiGenerateContentRequest {
  if (request.generateContentRequest !== undefined) {
    const { model: _model, ...generate } = request.generateContentRequest;
    return generate;
  }
  return { contents: request.contents ?? [] };
}

export interface GeminiTokenBreakdown {
  /** For each content of the request, the tokens of each part and of its role marker. */
  contents: Array<{ partTokens: number[]; roleTokens: number }>;
  /** The system instruction's part tokens, when the request has one. */
  systemInstruction?: { partTokens: number[]; roleTokens?: number };
  cachedTokens?: number;
}

function sum(tokens: { partTokens: number[]; roleTokens?: number }): number {
  return tokens.partTokens.reduce((total, count) => total + count, tokens.roleTokens ?? 0);
}

/** The `:countTokens` response body, as the API itemizes it (all text tokens). */
export function encodeGeminiCountTokensResponse(breakdown: GeminiTokenBreakdown): GeminiCountTokensResponse {
  const system = breakdown.systemInstruction;
  const totalTokens = breakdown.contents.reduce((total, content) => total + sum(content), system === undefined ? 0 : sum(system));
  const response: GeminiCountTokensResponse = {
    contentTokens: breakdown.contents.map((content) => ({ partTokens: content.partTokens, roleTokens: content.roleTokens })),
    promptTokensDetails: [{ modality: 'TEXT', tokenCount: totalTokens }],
    systemInstructionsTokens: system === undefined ? {} : { ...system },
    totalTokens,
  };
  if (breakdown.cachedTokens !== undefined && breakdown.cachedTokens > 0) response.cachedContentTokenCount = breakdown.cachedTokens;
  return response;
}
