import type { UsageBuckets } from '../buckets.ts';
import { checkPartWithin, readCount, readObject, readOptionalObject } from '../read-count.ts';

/**
 * Both OpenAI APIs report an input total that includes `<input>_details.cached_tokens` and an
 * output total that includes `<output>_details.reasoning_tokens`; only the names differ
 * (`prompt_tokens`/`completion_tokens` on Chat Completions, `input_tokens`/`output_tokens` on Responses).
 */
export function openAIUsageBuckets(raw: unknown, inputField: string, outputField: string): UsageBuckets {
  const usage = readObject(raw, 'usage');
  const inputTokens = readCount(usage[inputField], inputField, true);
  const outputTokens = readCount(usage[outputField], outputField, true);
  const inputDetails = readOptionalObject(usage[`${inputField}_details`], `${inputField}_details`);
  const outputDetails = readOptionalObject(usage[`${outputField}_details`], `${outputField}_details`);
  const cached = readCount(inputDetails?.['cached_tokens'], `${inputField}_details.cached_tokens`);
  const reasoning = readCount(outputDetails?.['reasoning_tokens'], `${outputField}_details.reasoning_tokens`);
  checkPartWithin(cached, `${inputField}_details.cached_tokens`, inputTokens, inputField);
  checkPartWithin(reasoning, `${outputField}_details.reasoning_tokens`, outputTokens, outputField);
  return {
    input: inputTokens - cached,
    cacheRead: cached,
    cacheWrite5m: 0,
    cacheWrite1h: 0,
    output: outputTokens - reasoning,
    reasoning,
  };
}
