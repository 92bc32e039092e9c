import type { NormalizedUsage } from '../buckets.ts';
import { FrugalError } from '../../errors/frugal-error.ts';
import { NORMALIZERS } from '../normalize-usage.ts';
import type { StreamUsage, StreamUsageFormat } from './stream-usage.ts';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const WHERE_USAGE_IS: Record<Exclude<StreamUsageFormat, 'anthropic'>, string> = {
  openai: 'a final chunk with `usage` (request stream_options.include_usage)',
  deepseek: 'a final chunk with `usage`',
  'openai-responses': 'a response.completed event',
  gemini: 'a chunk with `usageMetadata`',
};

/**
 * Streams whose usage arrives whole: OpenAI Chat Completions and DeepSeek (`usage` on the
 * final chunk, null before), OpenAI Responses (`response.usage` in the terminal
 * `response.*` event) and Gemini (`usageMetadata`, cumulative in each chunk). The last
 * usage reported replaces any earlier one; nothing is summed.
 */
export class FinalUsageStream implements StreamUsage {
  readonly #format: Exclude<StreamUsageFormat, 'anthropic'>;
  #usage: Record<string, unknown> | undefined;
  #serviceTier: string | undefined;

  constructor(format: Exclude<StreamUsageFormat, 'anthropic'>) {
    this.#format = format;
  }

  add(event: unknown): void {
    if (!isRecord(event)) return;
    let holder: Record<string, unknown> = event;
    let key = 'usage';
    if (this.#format === 'gemini') key = 'usageMetadata';
    if (this.#format === 'openai-responses') {
      if (!isRecord(event['response'])) return;
      holder = event['response'];
    }
    if (typeof holder['service_tier'] === 'string') this.#serviceTier = holder['service_tier'];
    const usage = holder[key];
    if (isRecord(usage)) this.#usage = usage;
  }

  result(): NormalizedUsage {
    if (this.#usage === undefined) {
      const expected = WHERE_USAGE_IS[this.#format];
      throw new FrugalError('FRUGAL_INVALID_USAGE', `the ${this.#format} stream carried no usage; expected ${expected}`);
    }
    return NORMALIZERS[this.#format](this.#usage, this.#serviceTier);
  }
}
