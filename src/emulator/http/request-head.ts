import type { IncomingHttpHeaders } from 'node:http';

/** A request head the fast path can serve itself. */
export interface RequestHead {
  method: string;
  /** The request target as sent: path and query. */
  target: string;
  /** Lower-case names, values without surrounding whitespace, as node:http gives them. */
  headers: IncomingHttpHeaders;
  contentLength: number;
  /** False when the client sent `connection: close`. */
  keepAlive: boolean;
}

/** node:http's default limit on the size of a request head. */
export const MAXIMUM_HEAD_BYTES = 16 * 1024;

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
/** Control characters other than tab are not allowed in a field value. */
const INVALID_VALUE = /[\x00-\x08\x0a-\x1f\x7f]/;
const TARGET = /^\/[\x21-\x7e]*$/;
const DIGITS = /^\d{1,15}$/;

function trimWhitespace(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && (text.charCodeAt(start) === 32 || text.charCodeAt(start) === 9)) start++;
  while (end > start && (text.charCodeAt(end - 1) === 32 || text.charCodeAt(end - 1) === 9)) end--;
  return start === 0 && end === text.length ? text : text.slice(start, end);
}

/**
 * Parses the head of an HTTP/1.1 request (`text` is everything before the blank line, decoded as
 * latin1, as node:http decodes heads). Returns undefined for anything the fast path leaves to
 * node:http: other methods or versions, chunked bodies, `expect`, upgrades, repeated headers
 * (node:http has rules for merging them), a missing host, and anything malformed (node:http
 * answers those with its own 400).
 */
export function parseRequestHead(text: string): RequestHead | undefined {
  let lineEnd = text.indexOf('\r\n');
  if (lineEnd === -1) lineEnd = text.length;
  const firstSpace = text.indexOf(' ');
  const secondSpace = firstSpace === -1 ? -1 : text.indexOf(' ', firstSpace + 1);
  if (firstSpace <= 0 || secondSpace === -1 || secondSpace > lineEnd) return undefined;
  const method = text.slice(0, firstSpace);
  if (method !== 'POST' && method !== 'GET' && method !== 'DELETE') return undefined;
  if (lineEnd - secondSpace !== 9 || !text.startsWith('HTTP/1.1', secondSpace + 1)) return undefined;
  const target = text.slice(firstSpace + 1, secondSpace);
  if (!TARGET.test(target)) return undefined;

  const headers: IncomingHttpHeaders = {};
  let contentLength = 0;
  let keepAlive = true;
  let start = lineEnd + 2;
  while (start < text.length) {
    let end = text.indexOf('\r\n', start);
    if (end === -1) end = text.length;
    const colon = text.indexOf(':', start);
    if (colon <= start || colon >= end) return undefined;
    const name = text.slice(start, colon);
    if (!TOKEN.test(name)) return undefined;
    const raw = text.slice(colon + 1, end);
    if (INVALID_VALUE.test(raw)) return undefined;
    const key = name.toLowerCase();
    if (headers[key] !== undefined) return undefined;
    const value = trimWhitespace(raw);
    switch (key) {
      case 'content-length':
        if (!DIGITS.test(value)) return undefined;
        contentLength = Number(value);
        break;
      case 'transfer-encoding':
      case 'expect':
      case 'upgrade':
        return undefined;
      case 'connection': {
        const options = value.toLowerCase();
        if (options.includes('upgrade')) return undefined;
        if (options.includes('close')) keepAlive = false;
        break;
      }
    }
    headers[key] = value;
    start = end + 2;
  }
  if (headers.host === undefined) return undefined;
  return { method, target, headers, contentLength, keepAlive };
}
