import type { CanonicalChoice, CanonicalResponse } from '../canonical/response.ts';
import type { Translation } from '../canonical/translation.ts';
import { usageFromFormat } from '../canonical/usage-for-format.ts';
import { decodeAssistantBlock } from './decode-content-block.ts';
import { stopReasonFromAnthropic } from './stop-reason.ts';
import type { AnthropicMessagesResponse } from './wire-types.ts';

const RESPONSE_FIELDS = new Set(['id', 'type', 'role', 'model', 'content', 'stop_reason', 'stop_sequence', 'usage']);

/** A Messages response body → the canonical response (one choice; usage normalized). */
export function decodeAnthropicMessagesResponse(response: AnthropicMessagesResponse): Translation<CanonicalResponse> {
  const dropped: string[] = [];
  const choice: CanonicalChoice = {
    index: 0,
    content: response.content.map((block, index) => decodeAssistantBlock(block, `content.${index}`, dropped)),
    stopReason: stopReasonFromAnthropic(response.stop_reason),
  };
  if (typeof response.stop_sequence === 'string') choice.stopSequence = response.stop_sequence;
  const canonical: CanonicalResponse = { id: response.id, model: response.model, choices: [choice] };
  if (response.usage !== undefined && response.usage !== null) {
    canonical.usage = usageFromFormat(response.usage, 'anthropic');
    if (typeof response.usage['service_tier'] === 'string') canonical.serviceTier = response.usage['service_tier'];
  }
  const extensions: Record<string, unknown> = {};
  for (const key in response) {
    if (!RESPONSE_FIELDS.has(key) && response[key] !== null && response[key] !== undefined) extensions[key] = response[key];
  }
  if (Object.keys(extensions).length > 0) canonical.extensions = { 'anthropic-messages': extensions };
  return { value: canonical, dropped };
}
