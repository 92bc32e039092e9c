import { STATUS_CODES } from 'node:http';

const STATUS_LINES = new Map<number, string>();

/** "HTTP/1.1 200 OK\r\n", with node:http's reason phrases ("unknown" for 529, as node:http sends). */
function statusLine(status: number): string {
  let line = STATUS_LINES.get(status);
  if (line === undefined) {
    line = `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'unknown'}\r\n`;
    STATUS_LINES.set(status, line);
  }
  return line;
}

let dateSecond = -1;
let dateLine = '';

/** The Date header, formatted once per second as node:http does. */
function currentDateLine(): string {
  const now = Date.now();
  const second = Math.floor(now / 1000);
  if (second !== dateSecond) {
    dateSecond = second;
    dateLine = `date: ${new Date(second * 1000).toUTCString()}\r\n`;
  }
  return dateLine;
}

/**
 * The status line and headers of an answer, ending with the blank line. `framing` is the
 * content-length or transfer-encoding line; `connection` the keep-alive or close lines.
 * Header names and values come from the emulator itself, never from a client.
 */
export function responseHead(status: number, headers: Record<string, string>, framing: string, connection: string): string {
  let head = statusLine(status);
  for (const name in headers) head += `${name}: ${headers[name]}\r\n`;
  return `${head}${currentDateLine()}${connection}${framing}\r\n`;
}
