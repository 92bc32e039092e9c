import type { IncomingHttpHeaders } from 'node:http';
import type { Reply } from './reply.ts';

/** One HTTP request as the handlers see it, and the way to answer it. */
export interface Exchange {
  method: string;
  /** Path without the query string. */
  path: string;
  /** The query string, parsed (shared and empty when there is none: read it, never change it). */
  query: URLSearchParams;
  /** Lower-case names; may be shared with the connection's earlier requests: read, never change. */
  headers: IncomingHttpHeaders;
  body: Buffer;
  reply: Reply;
}

/** What a non-streaming handler produces; batches reuse it without HTTP. */
export interface HandlerResult {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

/** Base URL the client used (for links such as Anthropic's `results_url`). */
export function originOf(exchange: Exchange): string {
  return `http://${exchange.headers.host ?? 'localhost'}`;
}

export function sendJson(exchange: Exchange, status: number, headers: Record<string, string>, body: unknown): void {
  exchange.reply.send(status, headers, typeof body === 'string' ? body : JSON.stringify(body));
}

export function sendResult(exchange: Exchange, result: HandlerResult): void {
  sendJson(exchange, result.status, result.headers, result.body);
}
