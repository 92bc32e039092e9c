import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { USAGE_FORMATS, type UsageBuckets } from './buckets.ts';
import { canCarry, ENCODERS } from './encode-usage.ts';
import { NORMALIZERS, normalizeUsage } from './normalize-usage.ts';
import { encodeAnthropicUsage } from './shapes/anthropic.ts';
import { createStreamUsage, type StreamUsageFormat } from './stream/stream-usage.ts';

const count = fc.integer({ min: 0, max: 2_000_000 });
const bucketsArbitrary: fc.Arbitrary<UsageBuckets> = fc.record({
  input: count,
  cacheRead: count,
  cacheWrite5m: count,
  cacheWrite1h: count,
  output: count,
  reasoning: count,
}).map((buckets) => ({ ...buckets }));
const sum = (buckets: UsageBuckets) =>
  buckets.input + buckets.cacheRead + buckets.cacheWrite5m + buckets.cacheWrite1h + buckets.output + buckets.reasoning;

/** What a shape without cache-write fields reports: writes billed as uncached input. */
function writesAsInput(buckets: UsageBuckets): UsageBuckets {
  return { ...buckets, input: buckets.input + buckets.cacheWrite5m + buckets.cacheWrite1h, cacheWrite5m: 0, cacheWrite1h: 0 };
}

test('normalize(encode(b)) = b for every shape that can carry b, and writes become input otherwise', () => {
  fc.assert(
    fc.property(bucketsArbitrary, fc.constantFrom(...USAGE_FORMATS), (buckets, format) => {
      const native = ENCODERS[format](buckets);
      const roundTrip = NORMALIZERS[format](native).buckets;
      assert.deepEqual(roundTrip, canCarry(format, buckets) ? buckets : writesAsInput(buckets));
      // Detection from the shape finds the same format (a Frugal object is detected as such too).
      assert.deepEqual(normalizeUsage(native).buckets, roundTrip);
    }),
  );
});

/** Native usage objects built part by part, with the total each provider reports. */
const nativeWithTotal: fc.Arbitrary<{ format: StreamUsageFormat; usage: object; total: number }> = fc.oneof(
  fc.tuple(count, count, count, count).map(([prompt, cachedShare, completion, reasoningShare]) => {
    const cached = Math.min(prompt, cachedShare);
    const reasoning = Math.min(completion, reasoningShare);
    return {
      format: 'openai' as const,
      total: prompt + completion,
      usage: {
        prompt_tokens: prompt,
        completion_tokens: completion,
        total_tokens: prompt + completion,
        prompt_tokens_details: { cached_tokens: cached },
        completion_tokens_details: { reasoning_tokens: reasoning },
      },
    };
  }),
  fc.tuple(count, count, count, count).map(([input, cachedShare, output, reasoningShare]) => ({
    format: 'openai-responses' as const,
    total: input + output,
    usage: {
      input_tokens: input,
      input_tokens_details: { cached_tokens: Math.min(input, cachedShare) },
      output_tokens: output,
      output_tokens_details: { reasoning_tokens: Math.min(output, reasoningShare) },
      total_tokens: input + output,
    },
  })),
  fc.tuple(count, count, count, count, count).map(([input, read, write5m, write1h, output]) => ({
    format: 'anthropic' as const,
    total: input + read + write5m + write1h + output,
    usage: {
      input_tokens: input,
      cache_read_input_tokens: read,
      cache_creation_input_tokens: write5m + write1h,
      cache_creation: { ephemeral_5m_input_tokens: write5m, ephemeral_1h_input_tokens: write1h },
      output_tokens: output,
    },
  })),
  fc.tuple(count, count, count, count, count).map(([prompt, cachedShare, toolUse, candidates, thoughts]) => ({
    format: 'gemini' as const,
    total: prompt + toolUse + candidates + thoughts,
    usage: {
      promptTokenCount: prompt,
      cachedContentTokenCount: Math.min(prompt, cachedShare),
      toolUsePromptTokenCount: toolUse,
      candidatesTokenCount: candidates,
      thoughtsTokenCount: thoughts,
      totalTokenCount: prompt + toolUse + candidates + thoughts,
    },
  })),
  fc.tuple(count, count, count, count).map(([hit, miss, completion, reasoningShare]) => ({
    format: 'deepseek' as const,
    total: hit + miss + completion,
    usage: {
      prompt_tokens: hit + miss,
      completion_tokens: completion,
      total_tokens: hit + miss + completion,
      prompt_cache_hit_tokens: hit,
      prompt_cache_miss_tokens: miss,
      completion_tokens_details: { reasoning_tokens: Math.min(completion, reasoningShare) },
    },
  })),
);

test('buckets always add up to the total the provider reports', () => {
  fc.assert(
    fc.property(nativeWithTotal, ({ format, usage, total }) => {
      const normalized = normalizeUsage(usage);
      assert.equal(normalized.format, format);
      assert.equal(sum(normalized.buckets), total);
      for (const value of Object.values(normalized.buckets)) assert.ok(Number.isSafeInteger(value) && value >= 0);
    }),
  );
});

/** Cumulative counts rising from `first` to `last` in random steps. */
const cumulative = (first: number, last: number) =>
  fc.array(fc.integer({ min: first, max: last }), { maxLength: 6 }).map((middle) => [...middle.sort((a, b) => a - b), last]);

test('an Anthropic stream split anyhow gives the buckets of the non-stream message', () => {
  fc.assert(
    fc.property(
      bucketsArbitrary.chain((buckets) =>
        fc.record({
          buckets: fc.constant(buckets),
          startOutput: fc.integer({ min: 0, max: Math.min(buckets.output + buckets.reasoning, 10) }),
          repeatInputInDeltas: fc.boolean(),
          noise: fc.nat({ max: 5 }),
        }),
      ).chain((draw) =>
        cumulative(draw.startOutput, draw.buckets.output + draw.buckets.reasoning).map((outputs) => ({ ...draw, outputs })),
      ),
      ({ buckets, startOutput, repeatInputInDeltas, noise, outputs }) => {
        const final = encodeAnthropicUsage(buckets);
        const stream = createStreamUsage('anthropic');
        stream.add({ type: 'message_start', message: { usage: { ...final, output_tokens: startOutput, output_tokens_details: undefined } } });
        for (let index = 0; index < noise; index++) stream.add({ type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: 'x' } });
        outputs.forEach((outputTokens, index) => {
          const last = index === outputs.length - 1;
          const usage: Record<string, unknown> = { output_tokens: outputTokens };
          if (last && final.output_tokens_details !== undefined) usage['output_tokens_details'] = final.output_tokens_details;
          if (repeatInputInDeltas) {
            usage['input_tokens'] = final.input_tokens;
            usage['cache_read_input_tokens'] = final.cache_read_input_tokens;
            usage['cache_creation_input_tokens'] = final.cache_creation_input_tokens;
          }
          stream.add({ type: 'message_delta', delta: {}, usage });
        });
        stream.add({ type: 'message_stop' });
        assert.deepEqual(stream.result().buckets, normalizeUsage(final).buckets);
        assert.deepEqual(stream.result().buckets, buckets);
      },
    ),
  );
});

test('OpenAI, Responses, DeepSeek and Gemini streams give the buckets of the non-stream response', () => {
  fc.assert(
    fc.property(
      bucketsArbitrary,
      fc.constantFrom('openai', 'openai-responses', 'deepseek', 'gemini') satisfies fc.Arbitrary<StreamUsageFormat>,
      fc.nat({ max: 8 }),
      (buckets, format, contentChunks) => {
        const final = ENCODERS[format](buckets) as Record<string, unknown>;
        const stream = createStreamUsage(format);
        for (let index = 0; index < contentChunks; index++) {
          if (format === 'gemini') {
            // Gemini reports running counts on every chunk; they only grow.
            stream.add({ candidates: [], usageMetadata: { promptTokenCount: final['promptTokenCount'], candidatesTokenCount: index } });
          } else if (format === 'openai-responses') {
            stream.add({ type: 'response.output_text.delta', delta: 'x' });
          } else {
            stream.add({ choices: [{ index: 0, delta: { content: 'x' } }], usage: null });
          }
        }
        if (format === 'gemini') stream.add({ candidates: [], usageMetadata: final });
        else if (format === 'openai-responses') stream.add({ type: 'response.completed', response: { usage: final } });
        else stream.add({ choices: [], usage: final });
        assert.deepEqual(stream.result().buckets, NORMALIZERS[format](final).buckets);
      },
    ),
  );
});
