import type { AssistantPart } from '../canonical/parts.ts';
import type { CanonicalChoice, CanonicalResponse } from '../canonical/response.ts';
import type { Translation } from '../canonical/translation.ts';
import { usageFromFormat } from '../canonical/usage-for-format.ts';
import { OPENAI_DIALECT, type OpenAIDialect } from './dialect.ts';
import { stopReasonFromOpenAI } from './finish-reason.ts';
import type { OpenAIChatResponse, OpenAIChoice } from './wire-types.ts';

const RESPONSE_FIELDS = new Set(['id', 'object', 'created', 'model', 'choices', 'usage', 'service_tier']);
const MESSAGE_FIELDS = new Set(['role', 'content', 'refusal', 'tool_calls', 'reasoning_content', 'reasoning']);

/** A Chat Completions response body → the canonical response (usage normalized to buckets). */
export function decodeOpenAIChatResponse(
  response: OpenAIChatResponse,
  dialect: OpenAIDialect = OPENAI_DIALECT,
): Translation<CanonicalResponse> {
  const canonical: CanonicalResponse = {
    id: response.id,
    model: response.model,
    created: response.created,
    choices: response.choices.map(decodeChoice),
  };
  const serviceTier = typeof response.service_tier === 'string' ? response.service_tier : undefined;
  if (serviceTier !== undefined) canonical.serviceTier = serviceTier;
  if (response.usage !== undefined && response.usage !== null) {
    canonical.usage = usageFromFormat(response.usage, dialect.usageFormat, serviceTier);
  }
  const extensions: Record<string, unknown> = {};
  for (const key in response) if (!RESPONSE_FIELDS.has(key)) extensions[key] = response[key];
  if (Object.keys(extensions).length > 0) canonical.extensions = { 'openai-chat': extensions };
  return { value: canonical, dropped: [] };
}

function decodeChoice(choice: OpenAIChoice): CanonicalChoice {
  const message = choice.message;
  const content: AssistantPart[] = [];
  const reasoning = message.reasoning_content ?? message.reasoning;
  if (typeof reasoning === 'string' && reasoning !== '') content.push({ type: 'thinking', text: reasoning });
  if (typeof message.content === 'string') content.push({ type: 'text', text: message.content });
  if (typeof message.refusal === 'string') content.push({ type: 'refusal', text: message.refusal });
  for (const call of message.tool_calls ?? []) {
    content.push(
      call.type === 'function'
        ? { type: 'tool_call', id: call.id, name: call.function.name, arguments: call.function.arguments }
        : { type: 'opaque', protocol: 'openai-chat', value: call },
    );
  }
  const decoded: CanonicalChoice = {
    index: choice.index,
    content,
    stopReason: stopReasonFromOpenAI(choice.finish_reason, (message.tool_calls?.length ?? 0) > 0),
  };
  const extensions: Record<string, unknown> = {};
  if (choice.logprobs !== null && choice.logprobs !== undefined) extensions['logprobs'] = choice.logprobs;
  for (const key in message) {
    const value = (message as unknown as Record<string, unknown>)[key];
    if (!MESSAGE_FIELDS.has(key) && value !== null && !(Array.isArray(value) && value.length === 0)) extensions[`message.${key}`] = value;
  }
  if (Object.keys(extensions).length > 0) decoded.extensions = { 'openai-chat': extensions };
  return decoded;
}
