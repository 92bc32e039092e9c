import { TextDecoder } from 'node:util';

/** One server-sent event: its `event:` name (undefined = the default "message") and joined `data:` lines. */
export interface SseEvent {
  event: string | undefined;
  data: string;
  /** The last `id:` seen so far in the stream, as the spec's "last event ID". */
  id: string | undefined;
}

const LF = 10;
const CR = 13;
const SPACE = 32;

/**
 * An incremental parser for `text/event-stream` (WHATWG HTML §9.2): accepts chunks split
 * anywhere (inside a line, between CR and LF, inside a UTF-8 sequence), LF / CR / CRLF line
 * ends, multi-line data, comments (`: ping`) and a leading BOM. Events with no data are not
 * dispatched, as the spec says. `end()` dispatches a final event that lacks its blank line.
 */
export class SseParser {
  #buffer = '';
  #skipLeadingLf = false;
  #started = false;
  #decoder: TextDecoder | undefined;
  #event: string | undefined;
  #data = '';
  #hasData = false;
  #lastId: string | undefined;

  push(chunk: string | Uint8Array): SseEvent[] {
    const text = typeof chunk === 'string' ? chunk : (this.#decoder ??= new TextDecoder('utf-8')).decode(chunk, { stream: true });
    const events: SseEvent[] = [];
    this.#consume(text, events);
    return events;
  }

  end(): SseEvent[] {
    const events: SseEvent[] = [];
    if (this.#decoder !== undefined) this.#consume(this.#decoder.decode(), events);
    if (this.#buffer !== '') {
      this.#line(this.#buffer);
      this.#buffer = '';
    }
    this.#dispatch(events);
    return events;
  }

  #consume(text: string, events: SseEvent[]): void {
    let input = this.#buffer === '' ? text : this.#buffer + text;
    if (!this.#started && input !== '') {
      this.#started = true;
      if (input.charCodeAt(0) === 0xfeff) input = input.slice(1);
    }
    let start = 0;
    if (this.#skipLeadingLf && input.charCodeAt(0) === LF) start = 1;
    this.#skipLeadingLf = false;
    const length = input.length;
    let nextLf = input.indexOf('\n', start);
    let nextCr = input.indexOf('\r', start);
    while (start < length) {
      if (nextLf !== -1 && nextLf < start) nextLf = input.indexOf('\n', start);
      if (nextCr !== -1 && nextCr < start) nextCr = input.indexOf('\r', start);
      let end: number;
      if (nextCr === -1) end = nextLf;
      else if (nextLf === -1) end = nextCr;
      else end = nextCr < nextLf ? nextCr : nextLf;
      if (end === -1) break;
      const line = input.slice(start, end);
      start = end + 1;
      if (input.charCodeAt(end) === CR) {
        if (start === length) this.#skipLeadingLf = true;
        else if (input.charCodeAt(start) === LF) start += 1;
      }
      if (line === '') this.#dispatch(events);
      else this.#line(line);
    }
    this.#buffer = start >= length ? '' : input.slice(start);
  }

  #line(line: string): void {
    const colon = line.indexOf(':');
    if (colon === 0) return;
    let field: string;
    let value: string;
    if (colon === -1) {
      field = line;
      value = '';
    } else {
      field = line.slice(0, colon);
      value = line.slice(line.charCodeAt(colon + 1) === SPACE ? colon + 2 : colon + 1);
    }
    switch (field) {
      case 'data':
        this.#data = this.#hasData ? `${this.#data}\n${value}` : value;
        this.#hasData = true;
        break;
      case 'event':
        this.#event = value;
        break;
      case 'id':
        if (!value.includes('\0')) this.#lastId = value;
        break;
    }
  }

  #dispatch(events: SseEvent[]): void {
    if (this.#hasData) events.push({ event: this.#event, data: this.#data, id: this.#lastId });
    this.#event = undefined;
    this.#data = '';
    this.#hasData = false;
  }
}

/** Parses a whole SSE body at once. */
export function parseSse(text: string): SseEvent[] {
  const parser = new SseParser();
  return [...parser.push(text), ...parser.end()];
}

