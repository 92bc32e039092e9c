import { FrugalError } from '../../errors/frugal-error.ts';
import type { Embedder } from './embedder.ts';

export interface ProviderEmbedderOptions {
  /** The provider's base URL from the gateway configuration (…/v1); never from a client request. */
  baseUrl: string;
  model: string;
  apiKey?: string;
  headers?: Record<string, string>;
  /** Requested width (OpenAI text-embedding-3 models accept it); else the model's native width, probed once. */
  dimensions?: number;
  /** Texts per request. */
  batchSize?: number;
  timeoutMilliseconds?: number;
}

interface EmbeddingsResponse {
  data?: Array<{ index?: number; embedding?: number[] | string }>;
}

function unit(values: Float32Array): Float32Array {
  let squares = 0;
  for (const value of values) squares += value * value;
  const norm = Math.sqrt(squares);
  if (norm > 0) for (let index = 0; index < values.length; index++) values[index] = values[index]! / norm;
  return values;
}

/** An embedding arrives as a JSON array or, with encoding_format "base64", as little-endian float32 bytes. */
function readEmbedding(embedding: number[] | string): Float32Array {
  if (typeof embedding !== 'string') return Float32Array.from(embedding);
  const bytes = Buffer.from(embedding, 'base64');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return Float32Array.from({ length: bytes.length / 4 }, (_, index) => view.getFloat32(index * 4, true));
}

/** Embeddings from an OpenAI-compatible POST {baseUrl}/embeddings endpoint. */
export class ProviderEmbedder implements Embedder {
  readonly name: string;
  readonly dimensions: number;
  readonly #options: ProviderEmbedderOptions;

  constructor(options: ProviderEmbedderOptions & { dimensions: number }) {
    this.#options = options;
    this.dimensions = options.dimensions;
    this.name = `embeddings:${options.model}:${options.dimensions}`;
  }

  async embed(texts: readonly string[]): Promise<Float32Array[]> {
    const batchSize = this.#options.batchSize ?? 64;
    const vectors: Float32Array[] = [];
    for (let start = 0; start < texts.length; start += batchSize) {
      vectors.push(...(await requestEmbeddings(this.#options, texts.slice(start, start + batchSize))));
    }
    for (const vector of vectors) {
      if (vector.length !== this.dimensions) {
        throw new FrugalError('FRUGAL_UPSTREAM_ERROR', `embedding model ${this.#options.model} returned ${vector.length} dimensions, expected ${this.dimensions}`);
      }
    }
    return vectors;
  }
}

async function requestEmbeddings(options: ProviderEmbedderOptions, texts: readonly string[]): Promise<Float32Array[]> {
  const url = `${options.baseUrl.replace(/\/+$/, '')}/embeddings`;
  const body = { model: options.model, input: texts, encoding_format: 'float', ...(options.dimensions === undefined ? {} : { dimensions: options.dimensions }) };
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: {
        ...options.headers,
        'content-type': 'application/json',
        ...(options.apiKey === undefined ? {} : { authorization: `Bearer ${options.apiKey}` }),
      },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(options.timeoutMilliseconds ?? 30_000),
    });
  } catch (error) {
    const timedOut = (error as Error).name === 'TimeoutError';
    throw new FrugalError(
      timedOut ? 'FRUGAL_UPSTREAM_TIMEOUT' : 'FRUGAL_UPSTREAM_UNREACHABLE',
      `embeddings request to ${url} ${timedOut ? 'timed out' : `failed: ${(error as Error).message}`}`,
      { url },
    );
  }
  const text = await response.text();
  if (!response.ok) {
    throw new FrugalError('FRUGAL_UPSTREAM_ERROR', `embeddings request to ${url} answered ${response.status}: ${text.slice(0, 300)}`, {
      url,
      status: response.status,
    });
  }
  let parsed: EmbeddingsResponse;
  try {
    parsed = JSON.parse(text) as EmbeddingsResponse;
  } catch {
    throw new FrugalError('FRUGAL_UPSTREAM_ERROR', `embeddings response from ${url} is not JSON`, { url });
  }
  const data = parsed.data ?? [];
  if (data.length !== texts.length || data.some((item) => item.embedding === undefined)) {
    throw new FrugalError('FRUGAL_UPSTREAM_ERROR', `embeddings response from ${url} holds ${data.length} embeddings for ${texts.length} inputs`, { url });
  }
  return [...data]
    .sort((left, right) => (left.index ?? 0) - (right.index ?? 0))
    .map((item) => unit(readEmbedding(item.embedding!)));
}

/** A provider embedder; without configured dimensions, one short request learns the model's width. */
export async function createProviderEmbedder(options: ProviderEmbedderOptions): Promise<ProviderEmbedder> {
  if (options.dimensions !== undefined) return new ProviderEmbedder({ ...options, dimensions: options.dimensions });
  const [probe] = await requestEmbeddings(options, ['dimension probe']);
  return new ProviderEmbedder({ ...options, dimensions: probe!.length });
}
