import { emptyBuckets } from '../../usage/buckets.ts';
import { encodeAnthropicUsage } from '../../usage/shapes/anthropic.ts';
import { ownExtensions } from '../canonical/extensions.ts';
import type { AssistantPart } from '../canonical/parts.ts';
import type { CanonicalResponse } from '../canonical/response.ts';
import { argumentsToObject } from '../canonical/tool-arguments.ts';
import type { Translation } from '../canonical/translation.ts';
import { usageForFormat } from '../canonical/usage-for-format.ts';
import { stopReasonToAnthropic } from './stop-reason.ts';
import type { AnthropicContentBlock, AnthropicMessagesResponse, AnthropicOtherBlock } from './wire-types.ts';

/** The canonical response → a Messages response body. Anthropic has one choice: others are dropped. */
export function encodeAnthropicMessagesResponse(response: CanonicalResponse): Translation<AnthropicMessagesResponse> {
  const dropped: string[] = [];
  const choice = response.choices[0];
  for (let index = 1; index < response.choices.length; index += 1) dropped.push(`choices[${index}]`);
  let usage: Record<string, unknown>;
  if (response.usage === undefined) {
    dropped.push('usage');
    usage = { ...encodeAnthropicUsage(emptyBuckets()) };
  } else usage = usageForFormat(response.usage, 'anthropic', dropped) as Record<string, unknown>;
  const body: AnthropicMessagesResponse = {
    id: response.id,
    type: 'message',
    role: 'assistant',
    model: response.model,
    content: (choice?.content ?? []).flatMap((part, index) => encodeBlock(part, `choices[0].content[${index}]`, dropped)),
    stop_reason: choice?.stopReason === null || choice === undefined ? null : stopReasonToAnthropic(choice.stopReason),
    stop_sequence: choice?.stopSequence ?? null,
    stop_details: null,
    usage,
  };
  if (choice !== undefined) ownExtensions(choice.extensions, 'anthropic-messages', dropped, 'choices[0].extensions');
  Object.assign(body, ownExtensions(response.extensions, 'anthropic-messages', dropped));
  return { value: body, dropped };
}

/** One canonical part → the Anthropic content block(s) of a response; [] when it has none. */
function encodeBlock(part: AssistantPart, path: string, dropped: string[]): Array<AnthropicContentBlock | AnthropicOtherBlock> {
  switch (part.type) {
    case 'text':
      if (part.thoughtSignature !== undefined) dropped.push(`${path}.thoughtSignature`);
      return [{ type: 'text', text: part.text }];
    case 'refusal':
      return [{ type: 'text', text: part.text }];
    case 'tool_call': {
      const input = argumentsToObject(part.arguments);
      if (!input.valid) dropped.push(`${path}.arguments`);
      if (part.thoughtSignature !== undefined) dropped.push(`${path}.thoughtSignature`);
      return [{ type: 'tool_use', id: part.id, name: part.name, input: input.value }];
    }
    case 'thinking':
      if (part.thoughtSignature !== undefined) dropped.push(`${path}.thoughtSignature`);
      if (part.signature === undefined) dropped.push(`${path}.signature`);
      return [{ type: 'thinking', thinking: part.text, signature: part.signature ?? '' }];
    case 'redacted_thinking':
      return [{ type: 'redacted_thinking', data: part.data }];
    case 'opaque':
      if (part.protocol === 'anthropic-messages') return [part.value as AnthropicOtherBlock];
      dropped.push(path);
      return [];
  }
}
