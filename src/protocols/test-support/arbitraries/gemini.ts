/** Canonical requests and responses in the Gemini normal form. */
import fc from 'fast-check';
import { encodeGeminiUsage, normalizeGeminiUsage } from '../../../usage/shapes/gemini.ts';
import type { AssistantPart, UserPart } from '../../canonical/parts.ts';
import type { CanonicalMessage, CanonicalRequest, ReasoningSettings } from '../../canonical/request.ts';
import type { CanonicalResponse } from '../../canonical/response.ts';
import type { StopReason } from '../../canonical/stop-reason.ts';
import {
  type Arbitrary,
  text,
  identifier,
  functionName,
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
  choices,
  hasCalls,
} from './shared.ts';

const geminiImage = imagePart({ urlMediaType: true });

const plainText = fc.string({ maxLength: 24 }).filter((value) => !value.startsWith('{'));

const geminiModelPart = fc.oneof(
  textPart({ thoughtSignature: true }),
  toolCall({ thoughtSignature: true }),
  fc.record({ type: fc.constant('thinking' as const), text, thoughtSignature: base64 }, { requiredKeys: ['type', 'text'] }),
) as Arbitrary<AssistantPart>;

const geminiMessage: Arbitrary<CanonicalMessage> = fc.oneof(
  fc.array(fc.oneof(textPart({ thoughtSignature: true }), geminiImage) as Arbitrary<UserPart>, { minLength: 1, maxLength: 3 }).map((content): CanonicalMessage => ({ role: 'user', content })),
  fc.array(geminiModelPart, { minLength: 1, maxLength: 3 }).map((content): CanonicalMessage => ({ role: 'assistant', content })),
  fc
    .array(
      fc.record({
        type: fc.constant('tool_result' as const),
        toolCallId: identifier,
        name: functionName,
        content: plainText.map((value) => [{ type: 'text' as const, text: value }]),
      }),
      { minLength: 1, maxLength: 2 },
    )
    .map((content): CanonicalMessage => ({ role: 'tool', content })),
);

const geminiReasoning: Arbitrary<ReasoningSettings> = fc.oneof(
  fc.record({ enabled: fc.constant(false), includeThoughts: fc.boolean() }, { requiredKeys: ['enabled'] }),
  fc.record(
    {
      enabled: fc.constant(true),
      budgetTokens: fc.integer({ min: 1, max: 32_000 }),
      effort: fc.constantFrom('minimal' as const, 'low' as const, 'medium' as const, 'high' as const),
      includeThoughts: fc.boolean(),
    },
    { requiredKeys: ['enabled', 'budgetTokens'] },
  ),
  fc.record({ enabled: fc.constant(true), includeThoughts: fc.boolean() }, { requiredKeys: ['enabled'] }),
  fc.record({ effort: fc.constantFrom('minimal' as const, 'low' as const, 'medium' as const, 'high' as const), includeThoughts: fc.boolean() }, { requiredKeys: ['effort'] }),
);

export const geminiRequest: Arbitrary<CanonicalRequest> = request(
  {
    model: identifier,
    system: fc.array(textPart(), { minLength: 1, maxLength: 2 }),
    messages: fc.array(geminiMessage, { minLength: 1, maxLength: 6 }).map(normalize),
    tools: fc.array(functionTool({ strict: false }), { maxLength: 2 }),
    toolChoice,
    maxOutputTokens: fc.integer({ min: 1, max: 100_000 }),
    temperature: fc.double({ min: 0, max: 2, noNaN: true }),
    topP: fc.double({ min: 0, max: 1, noNaN: true }),
    topK: fc.integer({ min: 1, max: 100 }),
    seed: fc.integer(),
    presencePenalty: fc.double({ min: -2, max: 2, noNaN: true }),
    frequencyPenalty: fc.double({ min: -2, max: 2, noNaN: true }),
    stop: fc.array(text, { minLength: 1, maxLength: 5 }),
    candidateCount: fc.integer({ min: 1, max: 8 }),
    responseFormat: fc.oneof(fc.constantFrom({ type: 'text' as const }, { type: 'json_object' as const }), fc.record({ type: fc.constant('json_schema' as const), schema })),
    reasoning: geminiReasoning,
    serviceTier: fc.constantFrom('standard' as const, 'flex' as const, 'priority' as const),
    stream: fc.boolean(),
  },
  ['model', 'messages', 'stream'],
);


export const geminiResponse: Arbitrary<CanonicalResponse> = fc.record({
  id: identifier,
  model: identifier,
  choices: choices(
    fc.array(geminiModelPart, { maxLength: 3 }),
    (content) =>
      hasCalls(content)
        ? fc.constantFrom<StopReason | null>('tool_use', 'max_tokens', 'content_filter', 'malformed_tool_call', 'other', null)
        : fc.constantFrom<StopReason | null>('end_turn', 'max_tokens', 'content_filter', 'malformed_tool_call', 'other', null),
    3,
  ),
  usage: buckets(false).map((usageBuckets) => normalizeGeminiUsage(encodeGeminiUsage(usageBuckets))),
});
