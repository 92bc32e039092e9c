import { encodeAnthropicMessagesRequest } from '../../protocols/anthropic-messages/encode-request.ts';
import type { CanonicalRequest } from '../../protocols/canonical/request.ts';
import { countRequestTokens } from '../../tokens/count-request.ts';
import { sha256Hex, stableJson, withoutCacheHints } from '../canonical-json/stable-json.ts';

/** The three places Frugal sets breakpoints, in prefix order. */
export const BOUNDARIES = ['tools', 'system', 'messages'] as const;
export type Boundary = (typeof BOUNDARIES)[number];

/** The prompt prefix ending at a boundary: tools, then system, then messages[0..lastMessage]. */
export function prefixAt(request: CanonicalRequest, boundary: Boundary, lastMessage: number): Partial<CanonicalRequest> {
  if (boundary === 'tools') return { tools: request.tools ?? [] };
  if (boundary === 'system') return { tools: request.tools ?? [], system: request.system ?? [] };
  return { tools: request.tools ?? [], system: request.system ?? [], messages: request.messages.slice(0, lastMessage + 1) };
}

/** Identifies a prefix's content, ignoring cache hints and key order. */
export function prefixHash(prefix: Partial<CanonicalRequest>): string {
  return sha256Hex(stableJson(JSON.parse(JSON.stringify(prefix, withoutCacheHints)))).slice(0, 32);
}

export interface BoundaryTokens {
  tools: number;
  system: number;
  /** Tokens through messages[lastMessage]; undefined when no message boundary was asked for. */
  messages: number | undefined;
}

/**
 * Input tokens of the prefix up to each boundary, as Anthropic would count them, from one
 * count of the request cut after `lastMessage` (−1: no messages).
 */
export function boundaryTokens(request: CanonicalRequest, lastMessage: number): BoundaryTokens {
  const cut: CanonicalRequest = { ...request, messages: request.messages.slice(0, lastMessage + 1) };
  const body = encodeAnthropicMessagesRequest(cut).value;
  const count = countRequestTokens('anthropic', body, request.model);
  let tools = 0;
  let system = 0;
  for (const block of count.blocks) {
    if (block.section === 'tools') tools += block.tokens;
    else if (block.section === 'system') system += block.tokens;
  }
  return { tools, system: tools + system, messages: lastMessage >= 0 ? count.total : undefined };
}
