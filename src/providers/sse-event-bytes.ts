import { parseSse } from '../protocols/sse/sse-parser.ts';

/** `event:` lines (a bare `event` line sets an empty name), with CR, LF or CRLF line ends. */
const EVENT_LINE = /^event(?::[ ]?(.*))?$/gm;

/**
 * One server-sent event as it came, `bytes[start, end)`, as text with one character per
 * byte: cheap to make (no UTF-8 decoding) and enough to look for the ASCII markers a tap
 * cares about.
 */
export function eventText(bytes: Buffer, start: number, end: number): string {
  return bytes.toString('latin1', start, end);
}

/** The event's name from its text (the last `event:` line wins, as the spec says); undefined for the default. */
export function eventName(text: string): string | undefined {
  let name: string | undefined;
  for (const match of text.matchAll(EVENT_LINE)) name = match[1] ?? '';
  return name === '' ? undefined : name;
}

/** The event's data (its `data:` lines joined), decoded as UTF-8: only for the few events a tap parses. */
export function eventData(bytes: Buffer, start: number, end: number): string {
  return parseSse(bytes.toString('utf8', start, end))[0]?.data ?? '';
}
