import type { CanonicalRequest } from '../protocols/canonical/request.ts';

/** The text of the request's last user message (the question a validator checks the answer against). */
export function lastUserText(request: CanonicalRequest): string {
  for (let index = request.messages.length - 1; index >= 0; index--) {
    const message = request.messages[index]!;
    if (message.role !== 'user') continue;
    return message.content
      .filter((part) => part.type === 'text')
      .map((part) => part.text)
      .join('\n');
  }
  return '';
}
