/** Canonical requests and responses in the Anthropic Messages normal form. */
import fc from 'fast-check';
import { encodeAnthropicUsage, normalizeAnthropicUsage } from '../../../usage/shapes/anthropic.ts';
import type { AssistantPart, ToolResultPart, UserPart } from '../../canonical/parts.ts';
import type { CanonicalMessage, CanonicalRequest, ReasoningSettings } from '../../canonical/request.ts';
import type { CanonicalChoice, CanonicalResponse } from '../../canonical/response.ts';
import type { StopReason } from '../../canonical/stop-reason.ts';
import {
  type Arbitrary,
  text,
  identifier,
  cacheHint,
  base64,
  schema,
  buckets,
  imagePart,
  textPart,
  toolCall,
  normalize,
  request,
  toolChoice,
  functionTool,
} from './shared.ts';

const anthropicImage = imagePart({ cache: true });

const anthropicToolResult: Arbitrary<ToolResultPart> = fc.record(
  {
    type: fc.constant('tool_result' as const),
    toolCallId: identifier,
    content: fc.array(fc.oneof(textPart({ cache: true }), anthropicImage), { maxLength: 2 }),
    isError: fc.boolean(),
    cache: cacheHint,
  },
  { requiredKeys: ['type', 'toolCallId', 'content'] },
);

/** Response parts carry no cache hints; a request's history may. */
const anthropicAssistantPart = (options: { cache?: boolean } = {}): Arbitrary<AssistantPart> =>
  fc.oneof(
    textPart(options),
    toolCall(options),
    fc.record({ type: fc.constant('thinking' as const), text, signature: base64 }),
    fc.record({ type: fc.constant('redacted_thinking' as const), data: base64 }),
  ) as Arbitrary<AssistantPart>;

const anthropicMessage: Arbitrary<CanonicalMessage> = fc.oneof(
  fc.array(fc.oneof(textPart({ cache: true }), anthropicImage) as Arbitrary<UserPart>, { minLength: 1, maxLength: 3 }).map((content): CanonicalMessage => ({ role: 'user', content })),
  fc.array(anthropicAssistantPart({ cache: true }), { minLength: 1, maxLength: 3 }).map((content): CanonicalMessage => ({ role: 'assistant', content })),
  fc.array(anthropicToolResult, { minLength: 1, maxLength: 2 }).map((content): CanonicalMessage => ({ role: 'tool', content })),
  fc.array(textPart({ cache: true }), { minLength: 1, maxLength: 2 }).map((content): CanonicalMessage => ({ role: 'system', content })),
);

const anthropicReasoning: Arbitrary<ReasoningSettings> = fc.oneof(
  fc.record({ enabled: fc.constant(false), effort: fc.constantFrom('low' as const, 'high' as const, 'max' as const) }, { requiredKeys: ['enabled'] }),
  fc.record(
    {
      enabled: fc.constant(true),
      budgetTokens: fc.integer({ min: 1024, max: 64_000 }),
      includeThoughts: fc.boolean(),
      effort: fc.constantFrom('low' as const, 'medium' as const, 'high' as const, 'xhigh' as const, 'max' as const),
    },
    { requiredKeys: ['enabled'] },
  ),
  fc.record({ effort: fc.constantFrom('low' as const, 'medium' as const, 'high' as const) }),
);

export const anthropicRequest: Arbitrary<CanonicalRequest> = request(
  {
    model: identifier,
    maxOutputTokens: fc.integer({ min: 1, max: 100_000 }),
    system: fc.array(textPart({ cache: true }), { minLength: 1, maxLength: 2 }),
    messages: fc.array(anthropicMessage, { minLength: 1, maxLength: 6 }).map((messages) => normalize(messages)),
    tools: fc.array(functionTool({ parametersRequired: true, cache: true }), { maxLength: 2 }),
    toolChoice,
    temperature: fc.double({ min: 0, max: 1, noNaN: true }),
    topP: fc.double({ min: 0, max: 1, noNaN: true }),
    topK: fc.integer({ min: 1, max: 500 }),
    stop: fc.array(text, { minLength: 1, maxLength: 4 }),
    responseFormat: fc.record({ type: fc.constant('json_schema' as const), schema }),
    reasoning: anthropicReasoning,
    cache: fc.record({ breakpoint: cacheHint }),
    user: identifier,
    serviceTier: fc.constantFrom('auto' as const, 'standard' as const),
    parallelToolCalls: fc.boolean(),
    stream: fc.boolean(),
  },
  ['model', 'maxOutputTokens', 'messages', 'stream'],
).map(({ parallelToolCalls, ...value }) => {
  // disable_parallel_tool_use lives on tool_choice: only a choice other than none carries it.
  const carried = parallelToolCalls !== undefined && value.toolChoice !== undefined && value.toolChoice.type !== 'none';
  return carried ? { ...value, parallelToolCalls } : value;
}).filter((value) => (value.reasoning?.budgetTokens ?? 0) < (value.maxOutputTokens ?? 0));  // max_tokens includes the thinking budget


export const anthropicResponse: Arbitrary<CanonicalResponse> = fc
  .record({
    id: identifier,
    model: identifier,
    content: fc.array(anthropicAssistantPart(), { maxLength: 4 }),
    stopReason: fc.constantFrom<StopReason | null>('end_turn', 'max_tokens', 'stop_sequence', 'tool_use', 'pause_turn', 'refusal', 'context_window_exceeded', null),
    stopSequence: fc.option(text, { nil: undefined }),
    buckets: buckets(true),
  })
  .map(({ id, model, content, stopReason, stopSequence, buckets: usageBuckets }) => {
    const choice: CanonicalChoice = { index: 0, content, stopReason };
    if (stopSequence !== undefined) choice.stopSequence = stopSequence;
    return { id, model, choices: [choice], usage: normalizeAnthropicUsage(encodeAnthropicUsage(usageBuckets)), serviceTier: 'standard' };
  });
