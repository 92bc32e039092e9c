import type { ServerResponse } from 'node:http';

/** Money sums are bigints (exact beyond $9,007): sent as decimal strings. */
function bigintAsString(_key: string, value: unknown): unknown {
  return typeof value === 'bigint' ? value.toString() : value;
}

export function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body, bigintAsString);
  response.writeHead(status, { ...headers, 'content-type': 'application/json' });
  response.end(text);
}

export function sendText(response: ServerResponse, status: number, text: string, contentType: string): void {
  response.writeHead(status, { 'content-type': contentType });
  response.end(text);
}
