import type { IncomingHttpHeaders } from 'node:http';
import { ANTHROPIC_MESSAGES_CLIENT } from '../client-protocols/anthropic-messages-client.ts';
import type { ClientProtocol } from '../client-protocols/client-protocol.ts';
import { OPENAI_CHAT_CLIENT } from '../client-protocols/openai-chat-client.ts';

/** For paths both SDKs call (models, unknown paths): an Anthropic SDK always sends `anthropic-version`. */
export function sniffProtocol(headers: IncomingHttpHeaders): ClientProtocol {
  return headers['anthropic-version'] === undefined ? OPENAI_CHAT_CLIENT : ANTHROPIC_MESSAGES_CLIENT;
}
