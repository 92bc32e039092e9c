import type { ServerResponse } from 'node:http';
import type { Reply } from './reply.ts';

/** A reply on node:http, for the connections the fast path hands over. */
export class NodeReply implements Reply {
  readonly #response: ServerResponse;

  constructor(response: ServerResponse) {
    this.#response = response;
  }

  get started(): boolean {
    return this.#response.headersSent;
  }

  get closed(): boolean {
    return this.#response.destroyed;
  }

  send(status: number, headers: Record<string, string>, body: string | Buffer): void {
    headers['content-length'] = String(typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength);
    this.#response.writeHead(status, headers);
    this.#response.end(body);
  }

  /** Written before `end()`, so node:http frames it chunked (with `end(text)` it would send a length). */
  sendStream(status: number, headers: Record<string, string>, text: string): void {
    this.#response.writeHead(status, headers);
    this.#response.write(text);
    this.#response.end();
  }

  start(status: number, headers: Record<string, string>): void {
    this.#response.writeHead(status, headers);
  }

  write(chunk: string): void {
    this.#response.write(chunk);
  }

  end(): void {
    this.#response.end();
  }

  onClose(listener: () => void): void {
    this.#response.once('close', listener);
  }

  drop(reset: boolean): void {
    const socket = this.#response.socket;
    if (socket === null) return;
    if (reset && typeof socket.resetAndDestroy === 'function') socket.resetAndDestroy();
    else socket.destroy();
  }
}
