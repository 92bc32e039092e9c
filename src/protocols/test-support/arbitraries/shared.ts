/**
 * Building blocks of the canonical arbitraries. Each protocol's file composes them into
 * exactly the canonical values that protocol can carry (its "normal form"), so that
 * canonical → protocol → canonical must give the value back unchanged.
 */
import fc from 'fast-check';
import type { UsageBuckets } from '../../../usage/buckets.ts';
import type { AssistantPart, ImagePart, TextPart } from '../../canonical/parts.ts';
import type { CanonicalMessage, CanonicalRequest, CanonicalTool, ToolChoice } from '../../canonical/request.ts';
import type { CanonicalChoice } from '../../canonical/response.ts';
import type { StopReason } from '../../canonical/stop-reason.ts';

export type Arbitrary<T> = fc.Arbitrary<T>;

export const text = fc.string({ maxLength: 24 });
export const identifier = fc.stringMatching(/^[a-zA-Z0-9_-]{1,16}$/);
export const functionName = fc.stringMatching(/^[a-zA-Z_][a-zA-Z0-9_]{0,15}$/);
export const cacheHint = fc.record({ ttl: fc.constantFrom('5m' as const, '1h' as const) });
export const base64 = fc.base64String({ minLength: 4, maxLength: 24 });
const jsonObject = fc.dictionary(functionName, fc.oneof(fc.string({ maxLength: 8 }), fc.integer(), fc.boolean()), { maxKeys: 3 });
const argumentsText = jsonObject.map((value) => JSON.stringify(value));
export const schema = fc
  .dictionary(functionName, fc.constantFrom('string', 'integer', 'boolean'), { maxKeys: 3 })
  .map((properties) => ({ type: 'object', properties: Object.fromEntries(Object.entries(properties).map(([key, type]) => [key, { type }])) }));
export const imageMediaType = fc.constantFrom('image/png', 'image/jpeg', 'image/gif', 'image/webp');
export const url = identifier.map((path) => `https://images.example.com/${path}.png`);
export const buckets = (cacheWrites: boolean): Arbitrary<UsageBuckets> =>
  fc.record({
    input: fc.nat(100_000),
    cacheRead: fc.nat(100_000),
    cacheWrite5m: cacheWrites ? fc.nat(10_000) : fc.constant(0),
    cacheWrite1h: cacheWrites ? fc.nat(10_000) : fc.constant(0),
    output: fc.nat(10_000),
    reasoning: fc.nat(10_000),
  });

export function textPart(options: { cache?: boolean; thoughtSignature?: boolean } = {}): Arbitrary<TextPart> {
  return fc.record(
    {
      type: fc.constant('text' as const),
      text,
      ...(options.cache === true ? { cache: cacheHint } : {}),
      ...(options.thoughtSignature === true ? { thoughtSignature: base64 } : {}),
    },
    { requiredKeys: ['type', 'text'] },
  ) as Arbitrary<TextPart>;
}

export function toolCall(options: { cache?: boolean; thoughtSignature?: boolean } = {}): Arbitrary<AssistantPart> {
  return fc.record(
    {
      type: fc.constant('tool_call' as const),
      id: identifier,
      name: functionName,
      arguments: argumentsText,
      ...(options.cache === true ? { cache: cacheHint } : {}),
      ...(options.thoughtSignature === true ? { thoughtSignature: base64 } : {}),
    },
    { requiredKeys: ['type', 'id', 'name', 'arguments'] },
  ) as Arbitrary<AssistantPart>;
}

/** An image inline (base64) or by URL; `urlMediaType`: the URL form names its media type too (Gemini's file data). */
export function imagePart(options: { cache?: boolean; detail?: boolean; urlMediaType?: boolean } = {}): Arbitrary<ImagePart> {
  return fc.record(
    {
      type: fc.constant('image' as const),
      source: fc.oneof(
        fc.record({ kind: fc.constant('base64' as const), mediaType: imageMediaType, data: base64 }),
        options.urlMediaType === true
          ? fc.record({ kind: fc.constant('url' as const), url, mediaType: imageMediaType })
          : fc.record({ kind: fc.constant('url' as const), url }),
      ),
      ...(options.cache === true ? { cache: cacheHint } : {}),
      ...(options.detail === true ? { detail: fc.constantFrom('auto' as const, 'low' as const, 'high' as const) } : {}),
    },
    { requiredKeys: ['type', 'source'] },
  ) as Arbitrary<ImagePart>;
}

/** No two tool messages in a row, and no system message first (it would be the system prompt). */
export function normalize(messages: CanonicalMessage[]): CanonicalMessage[] {
  const result: CanonicalMessage[] = [];
  for (const message of messages) {
    if (message.role === 'tool' && result.at(-1)?.role === 'tool') continue;
    if (message.role === 'system' && result.length === 0) continue;
    result.push(message);
  }
  return result;
}

export function request(fields: Record<string, Arbitrary<unknown>>, required: string[]): Arbitrary<CanonicalRequest> {
  return fc.record(fields, { requiredKeys: required }) as unknown as Arbitrary<CanonicalRequest>;
}

export const toolChoice: Arbitrary<ToolChoice> = fc.oneof(
  fc.constantFrom<ToolChoice>({ type: 'auto' }, { type: 'none' }, { type: 'required' }),
  functionName.map((name): ToolChoice => ({ type: 'tool', name })),
);

export const functionTool = (options: { parametersRequired?: boolean; strict?: boolean; cache?: boolean } = {}): Arbitrary<CanonicalTool> =>
  fc.record(
    {
      type: fc.constant('function' as const),
      name: functionName,
      description: text,
      parameters: schema,
      ...(options.strict === false ? {} : { strict: fc.boolean() }),
      ...(options.cache === true ? { cache: cacheHint } : {}),
    },
    { requiredKeys: options.parametersRequired === true ? ['type', 'name', 'parameters'] : ['type', 'name'] },
  ) as Arbitrary<CanonicalTool>;

export function choices(part: Arbitrary<AssistantPart[]>, reason: (content: AssistantPart[]) => Arbitrary<StopReason | null>, maxChoices: number): Arbitrary<CanonicalChoice[]> {
  const choice = part.chain((content) => reason(content).map((stopReason) => ({ content, stopReason })));
  return fc.array(choice, { minLength: 1, maxLength: maxChoices }).map((list) => list.map((choice, index) => ({ index, ...choice })));
}

export const hasCalls = (content: AssistantPart[]) => content.some((part) => part.type === 'tool_call');
