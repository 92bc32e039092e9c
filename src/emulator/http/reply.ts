/**
 * How a handler answers, whichever server carries the connection: the emulator's own HTTP/1.1
 * connection loop (the fast path) or node:http (requests the fast path hands over).
 */
export interface Reply {
  /** A whole answer in one write; `content-length` is added. */
  send(status: number, headers: Record<string, string>, body: string | Buffer): void;
  /** A whole stream at once: chunked like any stream, in one write. */
  sendStream(status: number, headers: Record<string, string>, text: string): void;
  /** Starts an answer sent in pieces (chunked), for streams. */
  start(status: number, headers: Record<string, string>): void;
  write(chunk: string): void;
  /** Ends an answer begun with `start`. */
  end(): void;
  /** True once the status line and headers are out. */
  readonly started: boolean;
  /** True once the connection is gone: nothing more can be written. */
  readonly closed: boolean;
  /** Called once if the connection closes before or after the answer ends. */
  onClose(listener: () => void): void;
  /** Drops the connection without finishing the answer: a TCP reset when `reset`, else a close. */
  drop(reset: boolean): void;
}
