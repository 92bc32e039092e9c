import type { FrugalConfig } from '../../config/types.ts';
import { FrugalError } from '../../errors/frugal-error.ts';
import { normalizeInPlace, type Embedder } from './embedder.ts';

export interface ProviderEmbedderOptions {
  /** The provider's name in the configuration (recorded in the embedder's name). */
  provider: string;
  /** OpenAI-compatible base URL ending before `/embeddings`, e.g. "https://api.openai.com/v1". */
  baseUrl: string;
  model: string;
  /** Requested width (`dimensions`); omitted: the model's native width, learned from the first answer. */
  dimensions?: number;
  apiKey?: string;
  headers?: Record<string, string>;
  /** Inputs per HTTP request (default 128). */
  batchSize?: number;
  fetch?: typeof fetch;
}

interface EmbeddingsAnswer {
  data?: { index?: number; embedding?: unknown }[];
}

/**
 * Embeddings from an OpenAI-compatible `/embeddings` endpoint. The base URL comes from the
 * operator's configuration (see `providerEmbedderFromConfig`), never from a request.
 */
export class ProviderEmbedder implements Embedder {
  readonly name: string;
  #dimensions: number | undefined;
  readonly #options: ProviderEmbedderOptions;

  constructor(options: ProviderEmbedderOptions) {
    this.#options = options;
    this.#dimensions = options.dimensions;
    this.name = `provider:${options.provider}/${options.model}`;
  }

  /** The requested width, or the native width once the first answer has arrived (0 before). */
  get dimensions(): number {
    return this.#dimensions ?? 0;
  }

  async embed(texts: readonly string[]): Promise<Float32Array[]> {
    const batchSize = this.#options.batchSize ?? 128;
    const vectors: Float32Array[] = [];
    for (let start = 0; start < texts.length; start += batchSize) {
      vectors.push(...(await this.#request(texts.slice(start, start + batchSize))));
    }
    return vectors;
  }

  async #request(inputs: readonly string[]): Promise<Float32Array[]> {
    const { baseUrl, model, apiKey, headers } = this.#options;
    const url = `${baseUrl.replace(/\/+$/, '')}/embeddings`;
    const body: Record<string, unknown> = { model, input: inputs.map((text) => (text === '' ? ' ' : text)), encoding_format: 'float' };
    if (this.#options.dimensions !== undefined) body.dimensions = this.#options.dimensions;
    let response: Response;
    try {
      response = await (this.#options.fetch ?? fetch)(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...headers,
          ...(apiKey === undefined ? {} : { authorization: `Bearer ${apiKey}` }),
        },
        body: JSON.stringify(body),
      });
    } catch (error) {
      throw new FrugalError('FRUGAL_UPSTREAM_UNREACHABLE', `embeddings endpoint of provider "${this.#options.provider}" (${url}) could not be reached: ${(error as Error).message}`);
    }
    const text = await response.text();
    if (!response.ok) {
      throw new FrugalError('FRUGAL_UPSTREAM_ERROR', `embeddings endpoint of provider "${this.#options.provider}" answered ${response.status}: ${text.slice(0, 300)}`, {
        status: response.status,
      });
    }
    let answer: EmbeddingsAnswer;
    try {
      answer = JSON.parse(text) as EmbeddingsAnswer;
    } catch {
      throw new FrugalError('FRUGAL_UPSTREAM_UNREACHABLE', `embeddings endpoint of provider "${this.#options.provider}" answered with invalid JSON`);
    }
    const data = answer.data ?? [];
    if (data.length !== inputs.length) {
      throw new FrugalError('FRUGAL_UPSTREAM_ERROR', `embeddings endpoint returned ${data.length} vectors for ${inputs.length} inputs`);
    }
    const vectors = new Array<Float32Array>(inputs.length);
    data.forEach((entry, position) => {
      if (!Array.isArray(entry.embedding)) {
        throw new FrugalError('FRUGAL_UPSTREAM_ERROR', 'embeddings endpoint returned a vector that is not an array of numbers');
      }
      const vector = normalizeInPlace(Float32Array.from(entry.embedding as number[]));
      this.#dimensions ??= vector.length;
      if (vector.length !== this.#dimensions) {
        throw new FrugalError('FRUGAL_UPSTREAM_ERROR', `embeddings endpoint returned ${vector.length} dimensions, expected ${this.#dimensions}`);
      }
      vectors[entry.index ?? position] = vector;
    });
    return vectors;
  }
}

/**
 * A provider embedder for `provider/model` using the provider's configured base URL, headers and
 * key (read from its `apiKeyEnv` in `env`). FRUGAL_INVALID_CONFIG when the provider is not
 * configured or does not speak the OpenAI embeddings protocol.
 */
export function providerEmbedderFromConfig(
  config: FrugalConfig,
  provider: string,
  model: string,
  env: Record<string, string | undefined>,
  options: { dimensions?: number; fetch?: typeof fetch } = {},
): ProviderEmbedder {
  const entry = config.providers[provider];
  if (entry === undefined) {
    const known = Object.keys(config.providers).join(', ');
    throw new FrugalError('FRUGAL_INVALID_CONFIG', `embedding provider "${provider}" is not configured (configured: ${known})`);
  }
  if (entry.type !== 'openai' && entry.type !== 'openai-compatible') {
    throw new FrugalError('FRUGAL_INVALID_CONFIG', `embedding provider "${provider}" has type "${entry.type}"; an OpenAI-compatible embeddings endpoint is needed`);
  }
  const apiKey = entry.apiKeyEnv === undefined ? undefined : env[entry.apiKeyEnv];
  return new ProviderEmbedder({
    provider,
    baseUrl: entry.baseUrl,
    model,
    headers: entry.headers,
    ...(apiKey === undefined ? {} : { apiKey }),
    ...(options.dimensions === undefined ? {} : { dimensions: options.dimensions }),
    ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
  });
}
