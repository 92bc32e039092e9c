import type { IncomingMessage, ServerResponse } from 'node:http';

/** One HTTP request/response pair as the handlers see it. */
export interface Exchange {
  request: IncomingMessage;
  response: ServerResponse;
  method: string;
  /** Path without the query string. */
  path: string;
  query: URLSearchParams;
  body: Buffer;
  /** Base URL the client used (for links such as Anthropic's `results_url`). */
  origin: string;
}

/** What a non-streaming handler produces; batches reuse it without HTTP. */
export interface HandlerResult {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

export function sendJson(exchange: Exchange, status: number, headers: Record<string, string>, body: unknown): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  headers['content-length'] = String(Buffer.byteLength(text));
  exchange.response.writeHead(status, headers);
  exchange.response.end(text);
}

export function sendResult(exchange: Exchange, result: HandlerResult): void {
  sendJson(exchange, result.status, result.headers, result.body);
}
