import type { Socket } from 'node:net';
import type { Exchange } from './exchange.ts';
import { MAXIMUM_HEAD_BYTES, parseRequestHead, type RequestHead } from './request-head.ts';
import { SocketReply } from './socket-reply.ts';

const CLOSE = 'connection: close\r\n';
const HEAD_END = Buffer.from('\r\n\r\n');
const NO_QUERY = new URLSearchParams();

export interface ConnectionOptions {
  /** Serves one exchange; called for each request, one at a time. */
  serve(exchange: Exchange): void;
  /** Gives the socket, with the bytes not yet consumed pushed back, to node:http. */
  handOver(socket: Socket): void;
  keepAliveMilliseconds: number;
}

/**
 * One client connection on the emulator's own HTTP/1.1 loop: requests with a `content-length`
 * body (or none) are parsed and answered here, one at a time and in order (pipelined requests
 * wait their turn). node:http alone costs about 45 µs of CPU per request on the benchmark
 * machine, more than the emulator's own work on a repeated request, so the common requests skip
 * it. The first request the loop does
 * not handle itself (chunked bodies, `expect: 100-continue`, HEAD, HTTP/1.0, malformed heads)
 * hands the connection to node:http, which answers it and every later request on it.
 */
export class HttpConnection {
  readonly #socket: Socket;
  readonly #options: ConnectionOptions;
  readonly #keepAlive: string;
  #chunks: Buffer[] = [];
  #buffered = 0;
  #head: RequestHead | undefined;
  #headBytes = 0;
  /** The previous request's head: a client sending the same head again (a load test) skips parsing it. */
  #previousText = '';
  #previousHead: RequestHead | undefined;
  #inFlight: SocketReply | undefined;
  #draining = false;
  /** The client sent its last bytes (half-close). */
  #ended = false;
  /** The request being answered asked for `connection: close`. */
  #lastRequest = false;

  constructor(socket: Socket, options: ConnectionOptions) {
    this.#socket = socket;
    this.#options = options;
    this.#keepAlive = `connection: keep-alive\r\nkeep-alive: timeout=${Math.floor(options.keepAliveMilliseconds / 1000)}\r\n`;
    socket.setTimeout(options.keepAliveMilliseconds);
    socket.on('data', this.#onData);
    socket.on('end', this.#onEnd);
    socket.on('timeout', this.#onTimeout);
    socket.on('error', this.#onError);
    socket.on('close', this.#onClose);
  }

  readonly #onData = (chunk: Buffer): void => {
    this.#chunks.push(chunk);
    this.#buffered += chunk.length;
    if (this.#inFlight === undefined) this.#drain();
  };

  /** The client will send nothing more: answer what it sent, then close. */
  readonly #onEnd = (): void => {
    this.#ended = true;
    if (this.#inFlight === undefined) this.#drain();
  };

  /** Idle for the keep-alive time: close. A request being answered is never cut off. */
  readonly #onTimeout = (): void => {
    if (this.#inFlight === undefined) this.#socket.destroy();
  };

  readonly #onError = (): void => {
    this.#socket.destroy();
  };

  readonly #onClose = (): void => {
    this.#inFlight?.connectionClosed();
  };

  readonly #finished = (reply: SocketReply): void => {
    if (this.#inFlight !== reply) return;
    this.#inFlight = undefined;
    if (!this.#draining) this.#drain();
  };

  /** All buffered bytes as one buffer (usually there is only one chunk). */
  #contiguous(): Buffer {
    if (this.#chunks.length !== 1) this.#chunks = [Buffer.concat(this.#chunks, this.#buffered)];
    return this.#chunks[0] as Buffer;
  }

  #drain(): void {
    this.#draining = true;
    try {
      while (this.#inFlight === undefined && this.#buffered > 0 && !this.#lastRequest && !this.#socket.destroyed) {
        if (this.#head === undefined) {
          const buffer = this.#contiguous();
          const headEnd = buffer.indexOf(HEAD_END);
          if (headEnd === -1 ? buffer.length > MAXIMUM_HEAD_BYTES : headEnd > MAXIMUM_HEAD_BYTES) return this.#handOver();
          if (headEnd === -1) break;
          const text = buffer.toString('latin1', 0, headEnd);
          const head = text === this.#previousText ? this.#previousHead : parseRequestHead(text);
          if (head === undefined) return this.#handOver();
          this.#previousText = text;
          this.#previousHead = head;
          this.#head = head;
          this.#headBytes = headEnd + 4;
        }
        const total = this.#headBytes + this.#head.contentLength;
        if (this.#buffered < total) break;
        const buffer = this.#contiguous();
        const head = this.#head;
        this.#head = undefined;
        if (buffer.length === total) {
          this.#chunks = [];
          this.#buffered = 0;
        } else {
          this.#chunks = [buffer.subarray(total)];
          this.#buffered = buffer.length - total;
        }
        this.#serve(head, buffer.subarray(this.#headBytes, total));
      }
      if ((this.#ended || this.#lastRequest) && this.#inFlight === undefined && !this.#socket.destroyed) this.#socket.end();
    } finally {
      this.#draining = false;
    }
  }

  #serve(head: RequestHead, body: Buffer): void {
    const reply = new SocketReply(this.#socket, head.keepAlive ? this.#keepAlive : CLOSE, this.#finished);
    this.#inFlight = reply;
    if (!head.keepAlive) this.#lastRequest = true;
    const { target } = head;
    const mark = target.indexOf('?');
    this.#options.serve({
      method: head.method,
      path: mark === -1 ? target : target.slice(0, mark),
      query: mark === -1 ? NO_QUERY : new URLSearchParams(target.slice(mark + 1)),
      headers: head.headers,
      body,
      reply,
    });
  }

  #handOver(): void {
    const socket = this.#socket;
    socket.off('data', this.#onData);
    socket.off('end', this.#onEnd);
    socket.off('timeout', this.#onTimeout);
    socket.off('error', this.#onError);
    socket.off('close', this.#onClose);
    socket.setTimeout(0);
    if (this.#buffered > 0) socket.unshift(this.#contiguous());
    this.#chunks = [];
    this.#buffered = 0;
    this.#options.handOver(socket);
  }
}
