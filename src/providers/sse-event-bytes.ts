import { parseSse } from '../protocols/sse/sse-parser.ts';

const LF = 10;
const CR = 13;
const COLON = 0x3a;
const SPACE = 0x20;
const EVENT = Buffer.from('event');

function isLineEnd(byte: number | undefined): boolean {
  return byte === LF || byte === CR;
}

/**
 * An event's name, read from its bytes (the last `event:` line wins, as the spec says; a
 * bare `event` line names nothing); undefined for the default. Only the name is decoded.
 */
export function eventName(event: Buffer): string | undefined {
  let name: string | undefined;
  for (let at = event.indexOf(EVENT); at !== -1; at = event.indexOf(EVENT, at + EVENT.length)) {
    if (at !== 0 && !isLineEnd(event[at - 1])) continue;
    const after = at + EVENT.length;
    if (after === event.length || isLineEnd(event[after])) {
      name = '';
      continue;
    }
    if (event[after] !== COLON) continue;
    const valueStart = event[after + 1] === SPACE ? after + 2 : after + 1;
    let valueEnd = valueStart;
    while (valueEnd < event.length && !isLineEnd(event[valueEnd])) valueEnd++;
    name = event.toString('utf8', valueStart, valueEnd);
  }
  return name === '' ? undefined : name;
}

/** An event's data (its `data:` lines joined), decoded as UTF-8: only for the few events a tap parses. */
export function eventData(event: Buffer): string {
  return parseSse(event.toString('utf8'))[0]?.data ?? '';
}
