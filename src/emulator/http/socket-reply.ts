import type { Socket } from 'node:net';
import type { Reply } from './reply.ts';
import { responseHead } from './response-head.ts';

const CHUNKED = 'transfer-encoding: chunked\r\n';
const LAST_CHUNK = '0\r\n\r\n';

/**
 * A reply written straight to the socket of the emulator's HTTP/1.1 connection loop. A whole
 * answer is one write; a streamed answer is chunked, and what is written in the same tick
 * (headers, frames, the last chunk) leaves in one write too.
 */
export class SocketReply implements Reply {
  readonly #socket: Socket;
  /** The connection header lines: keep-alive, or close. */
  readonly #connection: string;
  readonly #finished: (reply: SocketReply) => void;
  #started = false;
  #done = false;
  #pending = '';
  #flushScheduled = false;
  #closeListeners: Array<() => void> | undefined;

  constructor(socket: Socket, connection: string, finished: (reply: SocketReply) => void) {
    this.#socket = socket;
    this.#connection = connection;
    this.#finished = finished;
  }

  get started(): boolean {
    return this.#started;
  }

  get closed(): boolean {
    return this.#socket.destroyed;
  }

  send(status: number, headers: Record<string, string>, body: string | Buffer): void {
    this.#begin();
    if (this.#socket.destroyed) {
      this.#finish();
      return;
    }
    if (typeof body === 'string') {
      this.#socket.write(responseHead(status, headers, `content-length: ${Buffer.byteLength(body)}\r\n`, this.#connection) + body);
    } else {
      this.#socket.cork();
      this.#socket.write(responseHead(status, headers, `content-length: ${body.byteLength}\r\n`, this.#connection), 'latin1');
      this.#socket.write(body);
      this.#socket.uncork();
    }
    this.#finish();
  }

  sendStream(status: number, headers: Record<string, string>, text: string): void {
    this.#begin();
    const chunk = text === '' ? '' : `${Buffer.byteLength(text).toString(16)}\r\n${text}\r\n`;
    if (!this.#socket.destroyed) this.#socket.write(`${responseHead(status, headers, CHUNKED, this.#connection)}${chunk}${LAST_CHUNK}`);
    this.#finish();
  }

  start(status: number, headers: Record<string, string>): void {
    this.#begin();
    this.#pending = responseHead(status, headers, CHUNKED, this.#connection);
    this.#scheduleFlush();
  }

  write(chunk: string): void {
    if (this.#done || chunk === '') return;
    this.#pending += `${Buffer.byteLength(chunk).toString(16)}\r\n${chunk}\r\n`;
    this.#scheduleFlush();
  }

  end(): void {
    if (this.#done) return;
    this.#pending += LAST_CHUNK;
    this.#flush();
    this.#finish();
  }

  onClose(listener: () => void): void {
    if (this.#done) return;
    (this.#closeListeners ??= []).push(listener);
  }

  drop(reset: boolean): void {
    this.#flush();
    if (!this.#socket.destroyed) {
      if (reset) this.#socket.resetAndDestroy();
      else this.#socket.destroy();
    }
    this.#finish();
  }

  /** The connection closed under this reply. */
  connectionClosed(): void {
    this.#finish();
  }

  #begin(): void {
    if (this.#started) throw new Error('the answer has already started');
    this.#started = true;
  }

  #scheduleFlush(): void {
    if (this.#flushScheduled) return;
    this.#flushScheduled = true;
    process.nextTick(() => this.#flush());
  }

  #flush(): void {
    this.#flushScheduled = false;
    if (this.#pending === '') return;
    if (!this.#socket.destroyed) this.#socket.write(this.#pending);
    this.#pending = '';
  }

  #finish(): void {
    if (this.#done) return;
    this.#done = true;
    const listeners = this.#closeListeners;
    this.#closeListeners = undefined;
    if (listeners !== undefined) for (const listener of listeners) listener();
    this.#finished(this);
  }
}
