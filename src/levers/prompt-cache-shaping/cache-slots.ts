import type { CacheHint, Part, TextPart } from '../../protocols/canonical/parts.ts';
import type { CanonicalRequest, FunctionTool } from '../../protocols/canonical/request.ts';

/** A block that can carry an Anthropic `cache_control` breakpoint, in prefix order. */
export interface CacheSlot {
  /** "tools[2]", "system[0]", "messages[3].content[1]". */
  location: string;
  section: 'tools' | 'system' | 'messages';
  /** Index of the message, for slots in `messages`. */
  message?: number;
  holder: { cache?: CacheHint };
  /** A block nested inside a tool result: counted, never chosen as a boundary. */
  nested: boolean;
}

type Cacheable = FunctionTool | TextPart | Extract<Part, { cache?: CacheHint }>;

function canCarry(part: { type: string }): part is Cacheable {
  return part.type === 'function' || part.type === 'text' || part.type === 'image' || part.type === 'tool_call' || part.type === 'tool_result';
}

/** Every block of `request` that can hold a breakpoint, in the order the provider reads the prompt: tools, system, messages. */
export function cacheSlots(request: CanonicalRequest): CacheSlot[] {
  const slots: CacheSlot[] = [];
  request.tools?.forEach((tool, index) => {
    if (canCarry(tool)) slots.push({ location: `tools[${index}]`, section: 'tools', holder: tool, nested: false });
  });
  request.system?.forEach((part, index) => slots.push({ location: `system[${index}]`, section: 'system', holder: part, nested: false }));
  request.messages.forEach((message, messageIndex) => {
    message.content.forEach((part, partIndex) => {
      if (!canCarry(part)) return;
      const location = `messages[${messageIndex}].content[${partIndex}]`;
      // Mid-conversation system messages are re-shaped by some encoders; never a boundary there.
      slots.push({ location, section: 'messages', message: messageIndex, holder: part, nested: message.role === 'system' });
      if (part.type === 'tool_result') {
        part.content.forEach((inner, innerIndex) =>
          slots.push({ location: `${location}.content[${innerIndex}]`, section: 'messages', message: messageIndex, holder: inner, nested: true }),
        );
      }
    });
  });
  return slots;
}

/** Breakpoints the client set: on blocks, plus Anthropic's top-level automatic one. */
export function clientBreakpointCount(request: CanonicalRequest, slots: readonly CacheSlot[]): number {
  const onBlocks = slots.filter((slot) => slot.holder.cache !== undefined).length;
  return onBlocks + (request.cache?.breakpoint === undefined ? 0 : 1);
}
