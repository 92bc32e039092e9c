import { ownExtensions } from '../canonical/extensions.ts';
import type { CanonicalChoice, CanonicalResponse } from '../canonical/response.ts';
import type { Translation } from '../canonical/translation.ts';
import { usageForFormat } from '../canonical/usage-for-format.ts';
import { OPENAI_DIALECT, type OpenAIDialect } from './dialect.ts';
import { stopReasonToOpenAI } from './finish-reason.ts';
import { reportedTierToOpenAI } from './service-tier.ts';
import type { OpenAIChatResponse, OpenAIChoice, OpenAIResponseMessage, OpenAIToolCall } from './wire-types.ts';

/** The canonical response → a Chat Completions response body, fields in OpenAI's order. */
export function encodeOpenAIChatResponse(
  response: CanonicalResponse,
  dialect: OpenAIDialect = OPENAI_DIALECT,
): Translation<OpenAIChatResponse> {
  const dropped: string[] = [];
  const body: OpenAIChatResponse = {
    id: response.id,
    object: 'chat.completion',
    created: response.created ?? Math.floor(Date.now() / 1000),
    model: response.model,
    choices: response.choices.map((choice, index) => encodeChoice(choice, `choices[${index}]`, dropped, dialect)),
  };
  if (response.usage !== undefined) body.usage = usageForFormat(response.usage, dialect.usageFormat, dropped) as Record<string, unknown>;
  if (response.serviceTier !== undefined) {
    const tier = reportedTierToOpenAI(response.serviceTier);
    if (tier === undefined) dropped.push('serviceTier');
    else body.service_tier = tier;
  }
  Object.assign(body, ownExtensions(response.extensions, 'openai-chat', dropped));
  return { value: body, dropped };
}

function encodeChoice(choice: CanonicalChoice, path: string, dropped: string[], dialect: OpenAIDialect): OpenAIChoice {
  let text: string | null = null;
  let refusal: string | null = null;
  let reasoning: string | undefined;
  const toolCalls: OpenAIToolCall[] = [];
  choice.content.forEach((part, index) => {
    const partPath = `${path}.content[${index}]`;
    switch (part.type) {
      case 'text':
        text = (text ?? '') + part.text;
        if (part.thoughtSignature !== undefined) dropped.push(`${partPath}.thoughtSignature`);
        break;
      case 'refusal':
        refusal = (refusal ?? '') + part.text;
        break;
      case 'tool_call':
        toolCalls.push({ id: part.id, type: 'function', function: { name: part.name, arguments: part.arguments } });
        if (part.thoughtSignature !== undefined) dropped.push(`${partPath}.thoughtSignature`);
        break;
      case 'thinking':
        if (dialect.reasoningField === undefined) dropped.push(partPath);
        else reasoning = (reasoning ?? '') + part.text;
        break;
      case 'redacted_thinking':
        dropped.push(partPath);
        break;
      case 'opaque':
        if (part.protocol === 'openai-chat') toolCalls.push(part.value as OpenAIToolCall);
        else dropped.push(partPath);
    }
  });
  const message: OpenAIResponseMessage = { role: 'assistant', content: text, refusal };
  if (reasoning !== undefined && dialect.reasoningField !== undefined) message[dialect.reasoningField] = reasoning;
  if (toolCalls.length > 0) message.tool_calls = toolCalls;
  const own = ownExtensions(choice.extensions, 'openai-chat', dropped, `${path}.extensions`);
  message.annotations = [];
  for (const key in own) if (key.startsWith('message.')) (message as unknown as Record<string, unknown>)[key.slice(8)] = own[key];
  if (choice.stopSequence !== undefined) dropped.push(`${path}.stopSequence`);
  return {
    index: choice.index,
    message,
    logprobs: own?.['logprobs'] ?? null,
    // A complete OpenAI response always has a finish reason; an unfinished choice reads as a plain stop.
    finish_reason: stopReasonToOpenAI(choice.stopReason ?? 'end_turn'),
  };
}
