import { createHash } from 'node:crypto';
import type { CanonicalMessage, CanonicalRequest } from '../../protocols/canonical/request.ts';
import type { SemanticScope } from './scope.ts';

export type SkipReason = 'tools' | 'tool-results' | 'multi-turn' | 'non-text' | 'empty';

/** What the semantic cache keys a request by, or why it leaves the request alone. */
export type SemanticRequest =
  | { eligible: true; text: string; systemPromptHash: string; toolSetHash: string; parametersHash: string }
  | { eligible: false; reason: SkipReason };

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** JSON with object keys sorted, so equal values always hash equally. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([left], [right]) => (left < right ? -1 : left > right ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** The text of a user or assistant message, or undefined when it holds anything but text. */
function messageText(message: CanonicalMessage): string | undefined {
  const texts: string[] = [];
  for (const part of message.content) {
    if (part.type === 'text') texts.push(part.text);
    else if (part.type !== 'thinking' && part.type !== 'redacted_thinking') return undefined;
  }
  return texts.join('\n');
}

/**
 * Decides whether a request may use the semantic cache and, if so, the text to embed and the
 * hashes that go into its scope. Skipped: requests offering tools or carrying tool calls or
 * results (an answer there depends on the tools' live state), non-text content, and
 * conversations of more than one user turn unless the route allows multi-turn.
 */
export function readSemanticRequest(request: CanonicalRequest, policy: { multiTurn: boolean }): SemanticRequest {
  if ((request.tools?.length ?? 0) > 0) return { eligible: false, reason: 'tools' };
  const hasToolTraffic = request.messages.some(
    (message) => message.role === 'tool' || message.content.some((part) => part.type === 'tool_call'),
  );
  if (hasToolTraffic) return { eligible: false, reason: 'tool-results' };
  if (request.messages.length === 0) return { eligible: false, reason: 'empty' };
  const singleTurn = request.messages.length === 1 && request.messages[0]!.role === 'user';
  if (!singleTurn && !policy.multiTurn) return { eligible: false, reason: 'multi-turn' };

  const lines: string[] = [];
  for (const message of request.messages) {
    const text = messageText(message);
    if (text === undefined) return { eligible: false, reason: 'non-text' };
    lines.push(singleTurn ? text : `${message.role}: ${text}`);
  }
  const text = lines.join('\n');
  if (text.trim() === '') return { eligible: false, reason: 'empty' };

  const system = (request.system ?? []).map((part) => part.text).join('\n');
  const parameters = {
    responseFormat: request.responseFormat,
    maxOutputTokens: request.maxOutputTokens,
    stop: request.stop,
    reasoning: request.reasoning,
    temperature: request.temperature,
    topP: request.topP,
    topK: request.topK,
    seed: request.seed,
    candidateCount: request.candidateCount,
    presencePenalty: request.presencePenalty,
    frequencyPenalty: request.frequencyPenalty,
    toolChoice: request.toolChoice,
  };
  const tools = [...(request.tools ?? [])].map(canonicalJson).sort();
  return {
    eligible: true,
    text,
    systemPromptHash: sha256(system),
    toolSetHash: sha256(canonicalJson(tools)),
    parametersHash: sha256(canonicalJson(parameters)),
  };
}

/** The scope of an eligible request for a tenant and route. */
export function scopeOfRequest(
  identity: { tenant: string; route: string; model: string },
  request: Extract<SemanticRequest, { eligible: true }>,
): SemanticScope {
  return {
    tenant: identity.tenant,
    route: identity.route,
    model: identity.model,
    systemPromptHash: request.systemPromptHash,
    toolSetHash: request.toolSetHash,
    parametersHash: request.parametersHash,
  };
}
