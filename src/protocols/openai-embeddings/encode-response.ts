import { Buffer } from 'node:buffer';
import type { OpenAIEmbedding, OpenAIEmbeddingsResponse } from './wire-types.ts';

/** float32 little-endian bytes in base64, as OpenAI returns `encoding_format: "base64"`. */
export function base64Float32(vector: readonly number[]): string {
  const bytes = Buffer.alloc(vector.length * 4);
  vector.forEach((value, index) => bytes.writeFloatLE(value, index * 4));
  return bytes.toString('base64');
}

export interface EmbeddingsResult {
  model: string;
  vectors: ReadonlyArray<readonly number[]>;
  promptTokens: number;
  encodingFormat?: 'float' | 'base64';
}

/** Vectors → an embeddings response body (`total_tokens` equals `prompt_tokens` for embeddings). */
export function encodeOpenAIEmbeddingsResponse(result: EmbeddingsResult): OpenAIEmbeddingsResponse {
  const data: OpenAIEmbedding[] = result.vectors.map((vector, index) => ({
    object: 'embedding',
    index,
    embedding: result.encodingFormat === 'base64' ? base64Float32(vector) : [...vector],
  }));
  return { object: 'list', data, model: result.model, usage: { prompt_tokens: result.promptTokens, total_tokens: result.promptTokens } };
}
