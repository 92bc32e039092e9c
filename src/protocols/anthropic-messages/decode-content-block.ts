import type { AssistantPart, CacheHint, TextPart } from '../canonical/parts.ts';
import { argumentsFromObject } from '../canonical/tool-arguments.ts';
import type { AnthropicCacheControl, AnthropicContentBlock, AnthropicOtherBlock, AnthropicTextBlock } from './wire-types.ts';

export function cacheHint(cacheControl: AnthropicCacheControl): CacheHint {
  return { ttl: cacheControl.ttl ?? '5m' };
}

export function withCache<T extends { cache?: CacheHint }>(part: T, block: { cache_control?: AnthropicCacheControl | null }): T {
  if (block.cache_control !== undefined && block.cache_control !== null) part.cache = cacheHint(block.cache_control);
  return part;
}

export function decodeTextBlock(block: AnthropicTextBlock, path: string, dropped: string[]): TextPart {
  if (block.citations !== undefined && block.citations !== null && block.citations.length > 0) dropped.push(`${path}.citations`);
  return withCache<TextPart>({ type: 'text', text: block.text }, block);
}

/** An assistant content block, in a request's history or a response, → the canonical part. */
export function decodeAssistantBlock(block: AnthropicContentBlock | AnthropicOtherBlock, path: string, dropped: string[]): AssistantPart {
  switch (block.type) {
    case 'text':
      return decodeTextBlock(block as AnthropicTextBlock, path, dropped);
    case 'tool_use': {
      const use = block as AnthropicContentBlock & { type: 'tool_use' };
      return withCache<AssistantPart & { type: 'tool_call' }>({ type: 'tool_call', id: use.id, name: use.name, arguments: argumentsFromObject(use.input) }, use);
    }
    case 'thinking': {
      const thinking = block as AnthropicContentBlock & { type: 'thinking' };
      return { type: 'thinking', text: thinking.thinking, signature: thinking.signature };
    }
    case 'redacted_thinking':
      return { type: 'redacted_thinking', data: (block as AnthropicContentBlock & { type: 'redacted_thinking' }).data };
    default:
      return { type: 'opaque', protocol: 'anthropic-messages', value: block };
  }
}
