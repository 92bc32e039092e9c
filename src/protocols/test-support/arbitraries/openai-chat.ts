/** Canonical requests and responses in the OpenAI Chat Completions normal form. */
import fc from 'fast-check';
import { encodeOpenAIChatUsage, normalizeOpenAIChatUsage } from '../../../usage/shapes/openai-chat.ts';
import type { AssistantPart } from '../../canonical/parts.ts';
import type { CanonicalMessage, CanonicalRequest, ReasoningSettings } from '../../canonical/request.ts';
import type { CanonicalResponse } from '../../canonical/response.ts';
import type { StopReason } from '../../canonical/stop-reason.ts';
import {
  type Arbitrary,
  text,
  identifier,
  functionName,
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

const openAIImage = imagePart({ detail: true });

const openAIAssistant: Arbitrary<CanonicalMessage> = fc
  .record({
    texts: fc.array(textPart(), { maxLength: 2 }),
    refusal: fc.option(text.map((value) => ({ type: 'refusal' as const, text: value })), { nil: undefined }),
    calls: fc.array(toolCall(), { maxLength: 2 }),
    name: fc.option(functionName, { nil: undefined }),
  })
  .filter(({ texts, refusal, calls }) => texts.length + calls.length > 0 || refusal !== undefined)
  .map(({ texts, refusal, calls, name }) => {
    const content: AssistantPart[] = [...texts, ...(refusal === undefined ? [] : [refusal]), ...calls];
    return name === undefined ? { role: 'assistant', content } : { role: 'assistant', content, name };
  });

const openAIMessage: Arbitrary<CanonicalMessage> = fc.oneof(
  fc
    .record({ content: fc.array(fc.oneof(textPart(), openAIImage), { minLength: 1, maxLength: 3 }), name: fc.option(functionName, { nil: undefined }) })
    .map(({ content, name }): CanonicalMessage => (name === undefined ? { role: 'user', content } : { role: 'user', content, name })),
  openAIAssistant,
  fc
    .array(fc.record({ type: fc.constant('tool_result' as const), toolCallId: identifier, content: fc.array(textPart(), { minLength: 1, maxLength: 2 }) }), {
      minLength: 1,
      maxLength: 2,
    })
    .map((content): CanonicalMessage => ({ role: 'tool', content })),
  fc.array(textPart(), { minLength: 1, maxLength: 2 }).map((content): CanonicalMessage => ({ role: 'system', content })),
);

export const openAIRequest: Arbitrary<CanonicalRequest> = request(
  {
    model: identifier,
    system: fc.array(textPart(), { minLength: 1, maxLength: 2 }),
    messages: fc.array(openAIMessage, { minLength: 1, maxLength: 6 }).map(normalize),
    tools: fc.array(functionTool(), { maxLength: 2 }),
    toolChoice,
    parallelToolCalls: fc.boolean(),
    maxOutputTokens: fc.integer({ min: 1, max: 100_000 }),
    temperature: fc.double({ min: 0, max: 2, noNaN: true }),
    topP: fc.double({ min: 0, max: 1, noNaN: true }),
    presencePenalty: fc.double({ min: -2, max: 2, noNaN: true }),
    frequencyPenalty: fc.double({ min: -2, max: 2, noNaN: true }),
    seed: fc.integer(),
    stop: fc.array(text, { minLength: 1, maxLength: 4 }),
    candidateCount: fc.integer({ min: 1, max: 8 }),
    responseFormat: fc.oneof(
      fc.constantFrom({ type: 'text' as const }, { type: 'json_object' as const }),
      fc.record({ type: fc.constant('json_schema' as const), schema, name: functionName, description: text, strict: fc.boolean() }, { requiredKeys: ['type', 'schema', 'name'] }),
    ),
    reasoning: fc.constantFrom('none', 'minimal', 'low', 'medium', 'high', 'xhigh', 'max').map((effort): ReasoningSettings => ({ effort: effort as ReasoningSettings['effort'] & string })),
    cache: fc.record({ key: identifier, retention: fc.constantFrom('in_memory' as const, '24h' as const) }, { requiredKeys: [] }).filter((cache) => Object.keys(cache).length > 0),
    user: identifier,
    metadata: fc.dictionary(functionName, text, { maxKeys: 3 }),
    serviceTier: fc.constantFrom('auto' as const, 'standard' as const, 'flex' as const, 'priority' as const, 'scale' as const),
    stream: fc.boolean(),
    streamIncludeUsage: fc.boolean(),
    extensions: fc.record({ 'openai-chat': fc.record({ logprobs: fc.boolean(), store: fc.boolean() }) }),
  },
  ['model', 'messages', 'stream'],
);


export const openAIResponse: Arbitrary<CanonicalResponse> = fc
  .record({
    id: identifier,
    model: identifier,
    created: fc.nat(2_000_000_000),
    choices: choices(
      fc
        .record({ text: fc.option(textPart(), { nil: undefined }), refusal: fc.option(text, { nil: undefined }), calls: fc.array(toolCall(), { maxLength: 2 }) })
        .map(({ text: textValue, refusal, calls }): AssistantPart[] => [
          ...(textValue === undefined ? [] : [textValue]),
          ...(refusal === undefined ? [] : [{ type: 'refusal' as const, text: refusal }]),
          ...calls,
        ]),
      (content) =>
        hasCalls(content)
          ? fc.constantFrom<StopReason | null>('tool_use', 'max_tokens', 'content_filter')
          : fc.constantFrom<StopReason | null>('end_turn', 'max_tokens', 'tool_use', 'content_filter'),
      3,
    ),
    buckets: buckets(false),
    serviceTier: fc.option(fc.constantFrom('default', 'flex', 'priority'), { nil: undefined }),
    fingerprint: fc.option(identifier, { nil: undefined }),
  })
  .map(({ buckets: usageBuckets, serviceTier, fingerprint, ...rest }) => {
    const response: CanonicalResponse = { ...rest, usage: normalizeOpenAIChatUsage(encodeOpenAIChatUsage(usageBuckets), serviceTier) };
    if (serviceTier !== undefined) response.serviceTier = serviceTier;
    if (fingerprint !== undefined) response.extensions = { 'openai-chat': { system_fingerprint: fingerprint } };
    return response;
  });
